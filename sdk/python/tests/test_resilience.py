"""No lease is lost and no agent exception is hidden, whatever the gateway does: a return answered with garbage or
cut off, a task cancelled while its lease is being opened, a nested run pointed at another gateway. Against a local
stand-in gateway (support/local_gateway.py) that can misbehave on demand; the live gateway never does."""

from __future__ import annotations

import asyncio
import logging
from typing import Iterator

import pytest

import iron_sdk
from iron_sdk import BudgetConfig, GatewayUnavailableError, IronError, LeaseState, Run, current_run, protect_agent
from iron_sdk import lease_api
from iron_sdk.config import gateway_urls
from iron_sdk.context import activate, deactivate
from iron_sdk.refresher import REFRESHER
from support.local_gateway import RETURN_MODES, LocalGateway

AGENT_TOKEN = "ic_local_agent_token_for_tests"


@pytest.fixture(autouse=True)
def agent_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IRON_TOKEN", AGENT_TOKEN)
    monkeypatch.delenv("IC_TOKEN", raising=False)
    monkeypatch.setattr(lease_api, "TIMEOUT_SECONDS", 1.0)


def _registered(token: str) -> bool:
    return any(run.api_key == token for run in list(REFRESHER._due))


@pytest.mark.parametrize("mode", RETURN_MODES)
def test_a_failed_return_never_hides_the_agents_exception(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    with LocalGateway(return_mode=mode) as gateway, caplog.at_level(logging.WARNING, logger="iron_sdk"):
        with pytest.raises(KeyError, match="agent bug"):
            with iron_sdk.budget(1.0, gateway_url=gateway.url) as run:
                raise KeyError("agent bug")
        assert run.closed and not _registered(run.api_key)
        assert gateway.saw("/budget/return") == [f"Bearer {run.api_key}"]
    assert f"could not return lease {run.lease_id}" in caplog.text and "expires by its TTL" in caplog.text


@pytest.mark.parametrize("mode", ["not_http", "truncated", "hang_up"])
def test_a_failed_return_after_a_clean_run_is_logged_not_raised(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    with LocalGateway(return_mode=mode) as gateway, caplog.at_level(logging.WARNING, logger="iron_sdk"):

        @protect_agent(budget=BudgetConfig(max_usd=1.0), gateway_url=gateway.url)
        def agent_fn() -> str:
            return "done"

        assert agent_fn() == "done"
    assert "could not return lease" in caplog.text


@pytest.mark.parametrize(
    "mode, error",
    [("not_http", GatewayUnavailableError), ("truncated", GatewayUnavailableError), ("hang_up", GatewayUnavailableError),
     ("slow_body", GatewayUnavailableError), ("not_json", IronError), ("bad_amount", IronError)],
)
def test_network_garbage_becomes_an_iron_error(mode: str, error: "type[IronError]") -> None:
    with LocalGateway(return_mode=mode) as gateway:
        with pytest.raises(IronError) as caught:
            lease_api.return_lease(gateway_urls(gateway.url), "icl_not_shown_anywhere")
    assert type(caught.value) is error and "icl_not_shown_anywhere" not in str(caught.value)
    if error is GatewayUnavailableError:
        assert caught.value.code == "gateway_unavailable" and gateway.url in str(caught.value)


def test_cancelling_an_async_run_while_its_lease_opens_returns_that_lease() -> None:
    with LocalGateway(handshake_delay=0.4) as gateway:

        @protect_agent(budget=BudgetConfig(max_usd=1.0), gateway_url=gateway.url)
        async def agent_fn() -> None:
            raise AssertionError("the body must not run: the task was cancelled before the run began")

        async def main() -> None:
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(agent_fn(), timeout=0.05)
            assert current_run() is None

        asyncio.run(main())
        returned = gateway.wait_for("/budget/return")
        assert gateway.lease_tokens and returned == [f"Bearer {gateway.lease_tokens[0]}"], "the abandoned lease was returned"
        assert not _registered(gateway.lease_tokens[0]), "an abandoned run is never refreshed"


def test_a_cancelled_async_budget_block_returns_its_lease() -> None:
    with LocalGateway(handshake_delay=0.4) as gateway:

        async def block() -> None:
            async with iron_sdk.budget(1.0, gateway_url=gateway.url):
                raise AssertionError("not reached")

        async def main() -> None:
            task = asyncio.ensure_future(block())
            await asyncio.sleep(0.1)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

        asyncio.run(main())
        assert gateway.wait_for("/budget/return") == [f"Bearer {gateway.lease_tokens[0]}"]


def _fake_parent(base: str, token: str) -> Run:
    state = LeaseState("lse_parent", "open", 1_000_000, 0, 0, 1_000_000, 0, "2099-01-01T00:00:00Z")
    return Run(urls=gateway_urls(base), lease_token=token, lease=state, config=BudgetConfig(1.0), tags=(), parent=None)


@pytest.fixture()
def parent_elsewhere() -> Iterator[Run]:
    """An active run on a gateway other than the local one (it is never called)."""
    parent = _fake_parent("http://gateway-a.invalid:8787", "icl_parent_lease_token_secret")
    token = activate(parent)
    try:
        yield parent
    finally:
        deactivate(token)


def test_a_nested_run_on_another_gateway_never_sends_it_the_parents_lease(parent_elsewhere: Run) -> None:
    with LocalGateway() as gateway:
        with iron_sdk.budget(0.5, gateway_url=gateway.url) as run:
            assert run.parent is None and current_run() is run
        assert current_run() is parent_elsewhere
        assert gateway.saw("/budget/handshake") == [f"Bearer {AGENT_TOKEN}"]
        assert all(parent_elsewhere.api_key not in auth for _, _, auth in gateway.requests)


def test_a_nested_run_on_another_gateway_without_an_agent_token_is_refused(parent_elsewhere: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IRON_TOKEN")
    with LocalGateway() as gateway:
        with pytest.raises(IronError, match="another gateway") as caught:
            iron_sdk.budget(0.5, gateway_url=gateway.url).__enter__()
        assert gateway.requests == []
    assert caught.value.code == "invalid_configuration" and "ic_token" in str(caught.value)
    assert parent_elsewhere.api_key not in str(caught.value)


def test_a_nested_run_naming_the_parents_gateway_still_nests() -> None:
    with LocalGateway() as gateway:
        parent = _fake_parent(gateway.url, "icl_parent_lease_token")
        token = activate(parent)
        try:
            with iron_sdk.budget(0.5, gateway_url=f"{gateway.url}/v1/") as run:
                assert run.parent is parent
        finally:
            deactivate(token)
        assert gateway.saw("/budget/handshake") == ["Bearer icl_parent_lease_token"]
