"""Long runs keep their lease alive past its TTL (the background refresh); a crashed process's lease expires by its
TTL and its unspent rest flows back to the agent."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, List, Tuple

import pytest

import iron_sdk
from iron_sdk import BudgetConfig, Client, lease_api, protect_agent
from support.admin import Admin, AgentUnderTest, micros

CHEAP = {"model": "gpt-4o-mini", "max_tokens": 20, "messages": [{"role": "user", "content": "hello"}]}
SRC = Path(__file__).resolve().parent.parent / "src"


def test_a_run_longer_than_its_ttl_is_refreshed(agent: AgentUnderTest) -> None:
    with iron_sdk.budget(0.1, ttl_seconds=10) as run:
        first_expiry = run.lease().expires_at
        time.sleep(13)  # past the first expiry: only the refreshes keep the lease open
        state = run.lease()
        assert state.state == "open" and state.expires_at > first_expiry
        Client().chat.completions.create(**CHEAP)
    assert run.spent_usd > 0


def test_a_crashed_process_lease_expires_by_its_ttl(admin: Admin, agent: AgentUnderTest) -> None:
    script = (
        "import os, iron_sdk\n"
        "scope = iron_sdk.budget(0.4, ttl_seconds=10)\n"
        "run = scope.__enter__()\n"
        "print(run.lease_id, flush=True)\n"
        "os._exit(3)  # dies without returning the lease\n"
    )
    env = {**os.environ}
    if os.environ.get("IRON_SDK_TEST_INSTALLED") != "1":
        env["PYTHONPATH"] = str(SRC)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 3 and done.stdout.startswith("lse_"), done.stderr
    held = admin.agent(agent.id)
    assert micros(held["leased_out_usd"]) == 400_000 and held["open_leases"] == 1
    after = admin.settled_agent(agent.id, lambda a: a["open_leases"] == 0, timeout=40)
    assert after["open_leases"] == 0 and micros(after["remaining_usd"]) == 1_000_000, "the whole lease flowed back"


def test_a_task_cancelled_during_its_handshake_returns_the_lease(admin: Admin, agent: AgentUnderTest, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: List[str] = []
    real_handshake = lease_api.handshake

    def slow_handshake(*args: Any, **kwargs: Any) -> Tuple[lease_api.LeaseState, str]:
        time.sleep(0.3)  # the task is cancelled meanwhile; the gateway still opens the lease after that
        lease, token = real_handshake(*args, **kwargs)
        opened.append(lease.lease_id)
        return lease, token

    monkeypatch.setattr(lease_api, "handshake", slow_handshake)

    @protect_agent(budget=BudgetConfig(max_usd=0.3))
    async def agent_fn() -> None:
        await asyncio.sleep(30)

    async def main() -> None:
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(agent_fn(), timeout=0.01)

    asyncio.run(main())
    after = admin.settled_agent(agent.id, lambda a: bool(opened) and a["open_leases"] == 0, timeout=10)
    assert opened, "the handshake did go through"
    assert after["open_leases"] == 0 and micros(after["leased_out_usd"]) == 0, "the abandoned lease was returned"
    listed = admin.call("GET", f"/agents/{agent.id}/leases")["data"]
    assert opened[0] not in [lease["id"] for lease in listed] and listed == []
