"""Test session: iron_sdk from the source tree (or the installed package with IRON_SDK_TEST_INSTALLED=1), and one
live local gateway (the project's live stack: `wrangler dev` + the mock provider) shared by every test."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

import pytest

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
FAKE_CLIENTS = HERE / "support" / "fake_clients"

if os.environ.get("IRON_SDK_TEST_INSTALLED") != "1":
    sys.path.insert(0, str(SRC))

import iron_sdk  # noqa: E402

from support import live_stack  # noqa: E402
from support.admin import Admin, AgentUnderTest  # noqa: E402


def pytest_report_header() -> str:
    return f"iron_sdk {iron_sdk.__version__} from {Path(iron_sdk.__file__).parent}"


@pytest.fixture(scope="session")
def stack() -> Iterator[live_stack.LiveStack]:
    started = live_stack.start()
    try:
        yield started
    finally:
        live_stack.stop(started.process)


@pytest.fixture(scope="session")
def admin(stack: live_stack.LiveStack) -> Admin:
    return Admin(stack.url, stack.mock_url, stack.admin_email, stack.admin_password)


@pytest.fixture()
def agent(admin: Admin, monkeypatch: pytest.MonkeyPatch, stack: live_stack.LiveStack) -> AgentUnderTest:
    """A fresh $1 agent whose token and gateway are in IRON_TOKEN / IRON_GATEWAY_URL (as `.iron/demo.env` sets them)."""
    created = admin.new_agent("1")
    monkeypatch.setenv("IRON_TOKEN", created.token)
    monkeypatch.delenv("IC_TOKEN", raising=False)
    monkeypatch.setenv("IRON_GATEWAY_URL", f"{stack.url}/v1")
    return created


@pytest.fixture()
def fake_clients(monkeypatch: pytest.MonkeyPatch) -> None:
    """Puts the stand-ins for the `openai` and `anthropic` packages on sys.path, with their env vars cleared."""
    monkeypatch.syspath_prepend(str(FAKE_CLIENTS))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "ANTHROPIC_AUTH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
