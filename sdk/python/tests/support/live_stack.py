"""Starts the project's throwaway live stack (mock provider + `wrangler dev`) for the test session.

`scripts/live-stack.mjs --seed` prints one JSON line when the gateway is up and stops when its stdin closes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

REPO = Path(__file__).resolve().parents[4]
START_TIMEOUT_SECONDS = 240


@dataclass(frozen=True)
class LiveStack:
    url: str
    mock_url: str
    admin_email: str
    admin_password: str
    agent_id: str
    agent_token: str
    process: "subprocess.Popen[bytes]"


def node_binary() -> str:
    """Node 22 from the repository (what npm scripts use), else `node` on PATH."""
    local = REPO / "node_modules" / ".bin" / "node"
    return str(local) if local.exists() else (shutil.which("node") or "node")


def start() -> LiveStack:
    """Spawns the stack and waits for its JSON line."""
    log = tempfile.NamedTemporaryFile(prefix="iron-sdk-live-stack-", suffix=".log", delete=False)
    env: Dict[str, str] = {**os.environ, "WRANGLER_SEND_METRICS": "false", "CLOUDFLARE_CF_FETCH_ENABLED": "false"}
    process = subprocess.Popen(
        [node_binary(), str(REPO / "scripts" / "live-stack.mjs"), "--seed"],
        cwd=str(REPO), env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
    )
    lines: List[bytes] = []
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline() if process.stdout else b""), daemon=True)
    reader.start()
    reader.join(START_TIMEOUT_SECONDS)
    line = lines[0] if lines else b""
    if not line.strip():
        stop(process)
        raise RuntimeError(f"the live stack did not start within {START_TIMEOUT_SECONDS} s; its log: {log.name}\n{_tail(log.name)}")
    info = json.loads(line)
    return LiveStack(
        url=info["url"], mock_url=info["mock_url"], admin_email=info["admin"]["email"], admin_password=info["admin"]["password"],
        agent_id=info["agent_id"], agent_token=info["agent_token"], process=process,
    )


def stop(process: "subprocess.Popen[bytes]") -> None:
    """Closes the stack's stdin (its signal to stop), then terminates it if it lingers."""
    if process.stdin is not None and not process.stdin.closed:
        process.stdin.close()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.terminate()
        process.wait(timeout=10)


def _tail(path: str, size: int = 4000) -> Optional[str]:
    with open(path, "rb") as handle:
        return handle.read()[-size:].decode("utf-8", "replace")
