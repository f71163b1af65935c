"""A bad token, a down gateway, a safety block, a rate limit and a bad request each give their exception, with a
message that says what happened and never echoes a token or a secret."""

from __future__ import annotations

import secrets
import socket

import pytest

import iron_sdk
from iron_sdk import (
    AuthenticationError,
    BudgetConfig,
    Client,
    GatewayUnavailableError,
    InvalidRequestError,
    IronError,
    RateLimitedError,
    SafetyBlockedError,
    protect_agent,
)
from support.admin import Admin, AgentUnderTest

CHEAP = {"model": "gpt-4o-mini", "max_tokens": 20, "messages": [{"role": "user", "content": "hello"}]}
BAD_TOKEN = "ic_" + "A" * 49


def _fake_aws_key() -> str:
    return "AKIA" + "".join(secrets.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))


def test_a_bad_token_raises_authentication_error(agent: AgentUnderTest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IRON_TOKEN", BAD_TOKEN)

    @protect_agent(budget=BudgetConfig(max_usd=1.0))
    def agent_fn() -> None:
        raise AssertionError("must not run without a lease")

    with pytest.raises(AuthenticationError) as caught:
        agent_fn()
    assert caught.value.status == 401 and "token" in str(caught.value).lower()
    assert BAD_TOKEN not in str(caught.value)
    with pytest.raises(AuthenticationError, match="(?i)invalid agent token"):
        Client().chat.completions.create(**CHEAP)


def test_a_missing_token_says_how_to_set_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IRON_TOKEN", raising=False)
    monkeypatch.delenv("IC_TOKEN", raising=False)
    with pytest.raises(IronError, match="IRON_TOKEN"):
        iron_sdk.budget(1.0).__enter__()


def test_the_ic_token_alias_is_read(agent: AgentUnderTest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IRON_TOKEN")
    monkeypatch.setenv("IC_TOKEN", agent.token)
    with iron_sdk.budget(0.01) as run:
        assert run.api_key.startswith("icl_")


def test_a_down_gateway_raises_gateway_unavailable(agent: AgentUnderTest) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(GatewayUnavailableError) as caught:
        with iron_sdk.budget(1.0, gateway_url=f"http://127.0.0.1:{port}"):
            pass
    assert f"127.0.0.1:{port}" in str(caught.value) and "unreachable" in str(caught.value)
    with pytest.raises(GatewayUnavailableError):
        Client(base_url=f"http://127.0.0.1:{port}/v1").chat.completions.create(**CHEAP)


def test_a_safety_block_raises_safety_blocked(admin: Admin, agent: AgentUnderTest) -> None:
    key = _fake_aws_key()
    with iron_sdk.budget(0.1) as run:
        with pytest.raises(SafetyBlockedError) as caught:
            Client().chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"deploy with aws_access_key_id={key}"}])
        assert run.spent_usd == 0, "a blocked call costs nothing"
    error = caught.value
    assert error.categories == ("secrets",) and error.status == 400 and error.code == "safety_blocked"
    assert "safety policy" in str(error) and key not in str(error)
    assert error.request_id is not None and error.request_id.startswith("req_")


def test_a_rate_limit_raises_rate_limited_with_retry_after(admin: Admin, agent: AgentUnderTest) -> None:
    admin.call("PUT", f"/limits/agents/{agent.id}/rate-limits", {"requests_per_minute": 1, "tokens_per_minute": None, "concurrent_requests": None})
    with iron_sdk.budget(0.1):
        Client().chat.completions.create(**CHEAP)
        with pytest.raises(RateLimitedError) as caught:
            Client().chat.completions.create(**CHEAP)
    assert caught.value.retry_after is not None and caught.value.retry_after > 0
    assert caught.value.status == 429 and "rate limit" in str(caught.value).lower()


def test_an_unpriced_model_raises_invalid_request(agent: AgentUnderTest) -> None:
    with iron_sdk.budget(0.1):
        with pytest.raises(InvalidRequestError) as caught:
            Client().chat.completions.create(model="no-such-model-xyz", messages=[{"role": "user", "content": "hi"}])
    assert caught.value.code in ("model_not_priced", "model_not_allowed", "invalid_request")


def test_safety_categories_come_from_the_gateway_header_when_present() -> None:
    from iron_sdk.error_mapping import error_from_body

    body = {"error": {"code": "safety_blocked", "message": "Blocked by the safety policy: secrets in input."}}
    listed = error_from_body(400, {"X-Iron-Safety-Categories": "secrets,pii"}, body, fallback="")
    assert isinstance(listed, SafetyBlockedError) and listed.categories == ("pii", "secrets")
    parsed = error_from_body(400, {}, body, fallback="")
    assert isinstance(parsed, SafetyBlockedError) and parsed.categories == ("secrets",)


def test_no_token_or_url_credentials_in_reprs_and_messages() -> None:
    from iron_sdk import LeaseState, Run
    from iron_sdk.client import Client as ClientClass
    from iron_sdk.config import gateway_urls
    from iron_sdk.context import activate, deactivate
    from iron_sdk.http import request_json

    secret = "icl_" + "S" * 40
    run = Run(urls=gateway_urls("http://127.0.0.1:9"), lease_token=secret, config=BudgetConfig(1.0), tags=(), parent=None,
              lease=LeaseState("lse_x", "open", 1, 0, 0, 1, 0, "2099-01-01T00:00:00Z"))
    token = activate(run)
    try:
        target = ClientClass(timeout=1)._target()
    finally:
        deactivate(token)
    assert target.headers["authorization"] == f"Bearer {secret}", "the target does carry the token"
    for shown in (repr(target), str(target), repr(run), str(run), repr(run.gateway_urls), repr(iron_sdk.budget(1.0))):
        assert secret not in shown
    with pytest.raises(IronError) as caught:
        gateway_urls("https://user:s3cret-pass@gw.example.com/v1")
    assert "s3cret" not in str(caught.value) and "https://gw.example.com/v1" in str(caught.value)
    with pytest.raises(IronError) as caught:
        gateway_urls(BAD_TOKEN)  # a token pasted into IRON_GATEWAY_URL
    assert BAD_TOKEN not in str(caught.value) and "IRON_GATEWAY_URL" in str(caught.value)
    with pytest.raises(GatewayUnavailableError) as unreachable:
        request_json("GET", "http://user:s3cret-pass@127.0.0.1:9/api/v1/budget/lease", timeout=2)
    assert "s3cret" not in str(unreachable.value) and "s3cret" not in repr(unreachable.value)
