"""iron_sdk.Client: chat completions through the live gateway, streaming and not, inside and outside runs."""

from __future__ import annotations

from typing import Any, Dict, List
from urllib.parse import quote

import pytest

import iron_sdk
from iron_sdk import Client, SafetyBlockedError
from support.admin import Admin, AgentUnderTest, micros

MESSAGES = [{"role": "user", "content": "hello [[mock:reply_tokens=7]]"}]


def test_outside_a_run_the_client_spends_the_agent_budget(admin: Admin, agent: AgentUnderTest) -> None:
    answer = Client().chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=50)
    assert answer["object"] == "chat.completion" and answer["usage"]["completion_tokens"] == 7
    after = admin.settled_agent(agent.id)
    assert micros(after["spent_usd"]) > 0 and after["open_leases"] == 0


def test_a_streamed_completion(agent: AgentUnderTest) -> None:
    with iron_sdk.budget(0.1) as run:
        stream = Client().chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, stream=True, stream_options={"include_usage": True})
        assert stream.headers["x-iron-lease-remaining-usd"]
        chunks: List[Dict[str, Any]] = list(stream)
        text = "".join((c["choices"][0]["delta"].get("content") or "") for c in chunks if c["choices"])
        assert len(text.split()) == 7
        assert chunks[-1]["usage"]["completion_tokens"] == 7
        assert run.request_count == 1 and run.spent_usd > 0


def test_a_stream_stopped_by_the_output_policy_raises(admin: Admin, agent: AgentUnderTest) -> None:
    policy = {"safety": {"input": {"secrets": "log"}, "output": {"secrets": "block"}}, "models": {"allow": None}}
    admin.call("PUT", f"/policies/agents/{agent.id}", policy)  # before the agent's first call: nothing cached yet
    secret = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7c2n\n-----END RSA PRIVATE KEY-----"
    content = f"say it [[mock:reply_text={quote(secret, safe='')}]]"
    with iron_sdk.budget(0.1):
        stream = Client().chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": content}], stream=True)
        with pytest.raises(SafetyBlockedError) as caught:
            stream.text()
    assert caught.value.categories == ("secrets",) and "response" in str(caught.value)
    assert "MIIEowIBAAKCAQEA7c2n" not in str(caught.value)


def test_a_client_made_outside_a_run_spends_from_the_run_it_is_called_in(admin: Admin, agent: AgentUnderTest) -> None:
    client = Client()
    with iron_sdk.budget(0.1) as run:
        client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
        assert run.request_count == 1
    after = admin.settled_agent(agent.id)
    assert micros(after["spent_usd"]) == round(run.spent_usd * 1e6) > 0
