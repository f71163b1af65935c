"""Configuration: BudgetConfig's checks, the gateway URL forms accepted, tag encoding, and the package's metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

import iron_sdk
from iron_sdk import BudgetConfig, IronError
from iron_sdk.config import gateway_urls
from iron_sdk.tags import normalize_tags, tags_header


@pytest.mark.parametrize("raw", ["http://127.0.0.1:8787", "http://127.0.0.1:8787/", "http://127.0.0.1:8787/v1", "http://127.0.0.1:8787/v1/"])
def test_the_gateway_url_may_include_v1(raw: str) -> None:
    urls = gateway_urls(raw)
    assert (urls.base, urls.openai, urls.anthropic, urls.control) == (
        "http://127.0.0.1:8787", "http://127.0.0.1:8787/v1", "http://127.0.0.1:8787", "http://127.0.0.1:8787/api/v1",
    )


def test_a_gateway_under_a_path_keeps_it() -> None:
    assert gateway_urls("https://gw.example.com/iron/v1").openai == "https://gw.example.com/iron/v1"


def test_the_gateway_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IRON_GATEWAY_URL", "https://iron.example.com/v1")
    assert gateway_urls().base == "https://iron.example.com"
    monkeypatch.delenv("IRON_GATEWAY_URL")
    assert gateway_urls().base == "http://127.0.0.1:8787"
    with pytest.raises(IronError, match="IRON_GATEWAY_URL"):
        gateway_urls("127.0.0.1:8787")


@pytest.mark.parametrize(
    "kwargs",
    [{"max_usd": 0}, {"max_usd": -1}, {"max_usd": True}, {"max_usd": 1, "ttl_seconds": 5}, {"max_usd": 1, "ttl_seconds": 90_000}, {"max_usd": 1, "on_exceeded": "ignore"}],
)
def test_budget_config_refuses_nonsense(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        BudgetConfig(**kwargs)


def test_budget_config_defaults() -> None:
    config = BudgetConfig(max_usd=50.0)
    assert (config.ttl_seconds, config.on_exceeded) == (900, "raise")


def test_tags_are_merged_and_checked_against_the_gateway_rule() -> None:
    merged = normalize_tags({"step": "plan-b", "n": 2}, ("team=search", "step=x", "nightly"))
    assert merged == ("team=search", "nightly", "step=plan-b", "n=2")
    assert tags_header(merged) == "team=search,nightly,step=plan-b,n=2"
    assert normalize_tags(["a", "a", "b:c"]) == ("a", "b:c") and tags_header(()) is None
    for bad in ({"step": "plan b"}, ["x" * 65], ["a,b"], [""]):
        with pytest.raises(ValueError, match="tag"):
            normalize_tags(bad)
    with pytest.raises(ValueError, match="at most 16"):
        normalize_tags([f"t{i}" for i in range(17)])


def test_the_package_is_typed_and_versioned() -> None:
    package = Path(iron_sdk.__file__).parent
    assert (package / "py.typed").exists()
    assert iron_sdk.__version__.count(".") == 2
    assert set(iron_sdk.__all__) >= {"protect_agent", "BudgetConfig", "budget", "current_run", "Client", "IronError",
                                     "BudgetExceededError", "RateLimitedError", "SafetyBlockedError", "AuthenticationError",
                                     "GatewayUnavailableError"}
