"""The examples run against the live gateway, as a user would run them (a fresh interpreter, env vars only)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import iron_sdk
from support.admin import AgentUnderTest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SRC = Path(__file__).resolve().parent.parent / "src"


@pytest.mark.parametrize("name", ["quick_start", "async_agent", "nested_runs"])
def test_example_runs(name: str, agent: AgentUnderTest, stack: Any) -> None:
    env = {**os.environ, "IRON_TOKEN": agent.token, "IRON_GATEWAY_URL": f"{stack.url}/v1"}
    if os.environ.get("IRON_SDK_TEST_INSTALLED") != "1":
        env["PYTHONPATH"] = str(SRC)
    done = subprocess.run([sys.executable, str(EXAMPLES / f"{name}.py")], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()


def test_the_quick_start_says_so_when_the_agent_has_nothing_left(agent: AgentUnderTest, stack: Any) -> None:
    env = {**os.environ, "IRON_TOKEN": agent.token, "IRON_GATEWAY_URL": f"{stack.url}/v1"}
    if os.environ.get("IRON_SDK_TEST_INSTALLED") != "1":
        env["PYTHONPATH"] = str(SRC)
    with iron_sdk.budget(1.0):  # holds the agent's whole budget: every lease the example asks for is refused
        done = subprocess.run([sys.executable, str(EXAMPLES / "quick_start.py")], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "no answer:" in done.stdout and "no run:" in done.stdout
