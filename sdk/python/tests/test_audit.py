"""The audit trail of a run: every call made in it (by iron_sdk.Client or an official client) is in the gateway's
request log under the run's lease id; tags travel as `x-iron-tags` without disturbing the call."""

from __future__ import annotations

import time
from typing import Any, Dict, List

import pytest

import iron_sdk
from iron_sdk import Client
from support.admin import Admin, AgentUnderTest

CHEAP = {"model": "gpt-4o-mini", "max_tokens": 20, "messages": [{"role": "user", "content": "hello"}]}


def _requests_of_lease(admin: Admin, lease_id: str, expected: int) -> List[Dict[str, Any]]:
    deadline = time.monotonic() + 20
    while True:
        rows: List[Dict[str, Any]] = admin.call("GET", f"/requests?lease_id={lease_id}")["data"]
        if len(rows) >= expected or time.monotonic() > deadline:
            return rows
        time.sleep(0.5)  # the ledger reaches D1 shortly after each call (the budget object's alarm)


@pytest.mark.usefixtures("fake_clients")
def test_every_call_of_a_run_is_logged_under_its_lease(admin: Admin, agent: AgentUnderTest) -> None:
    import openai

    with iron_sdk.budget(0.1, tags={"ticket": "IR-7", "who": "sdk-tests"}) as run:
        Client(tags={"step": "one"}).chat.completions.create(**CHEAP)
        openai.OpenAI().chat.completions.create(**CHEAP)
        with iron_sdk.budget(0.01) as inner:
            Client().chat.completions.create(**CHEAP)
    outer_rows = _requests_of_lease(admin, run.lease_id, 2)
    inner_rows = _requests_of_lease(admin, inner.lease_id, 1)
    assert len(outer_rows) == 2 and len(inner_rows) == 1
    assert all(row["agent_id"] == agent.id and row["outcome"] == "ok" for row in outer_rows + inner_rows)
    assert sorted(tuple(row["tags"]) for row in outer_rows) == [("ticket=IR-7", "who=sdk-tests"), ("ticket=IR-7", "who=sdk-tests", "step=one")]
    assert inner_rows[0]["tags"] == ["ticket=IR-7", "who=sdk-tests"], "a nested run carries its parent's tags"
    tagged = admin.call("GET", f"/requests?agent_id={agent.id}&tag=step%3Done")["data"]
    assert [row["id"] for row in tagged] == [row["id"] for row in outer_rows if "step=one" in row["tags"]]
