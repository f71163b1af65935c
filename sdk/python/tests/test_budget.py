"""A run's budget holds: exhausting max_usd raises BudgetExceededError, the agent never spends more than the lease
(checked against the provider's own bill), and what the run did not spend flows back when it ends."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

import iron_sdk
from iron_sdk import BudgetConfig, BudgetExceededError, Client, protect_agent
from support.admin import Admin, AgentUnderTest, micros

#: gpt-4o answers of 1000 tokens: about $0.01 each ($10 per 1M output tokens).
EXPENSIVE = {"model": "gpt-4o", "max_tokens": 1000, "messages": [{"role": "user", "content": "go [[mock:reply_tokens=1000]]"}]}
CHEAP = {"model": "gpt-4o-mini", "max_tokens": 20, "messages": [{"role": "user", "content": "hello"}]}


def test_exhausting_max_usd_raises_and_the_agent_never_spends_more_than_the_lease(admin: Admin, agent: AgentUnderTest) -> None:
    answers: List[Dict[str, Any]] = []

    @protect_agent(budget=BudgetConfig(max_usd=0.05))
    def spendthrift() -> None:
        client = Client()
        while True:
            answers.append(client.chat.completions.create(**EXPENSIVE))

    with pytest.raises(BudgetExceededError) as caught:
        spendthrift()

    error = caught.value
    assert error.code == "budget_exceeded" and error.status == 429
    assert error.limit == pytest.approx(0.05)
    assert error.spent is not None and 0.04 < error.spent <= 0.05
    assert error.remaining is not None and error.remaining < 0.011
    assert "budget" in str(error).lower() and "$0.05" in str(error)
    assert len(answers) >= 4
    after = admin.settled_agent(agent.id)
    spent = micros(after["spent_usd"])
    assert 40_000 < spent <= 50_000, "the agent spent more than the run's lease"
    assert admin.provider_bill_micros(agent.provider_key) == spent, "the ledger must equal what the provider billed"
    assert micros(after["remaining_usd"]) == 1_000_000 - spent and micros(after["leased_out_usd"]) == 0


def test_return_none_ends_the_run_quietly(agent: AgentUnderTest) -> None:
    calls: List[int] = []

    @protect_agent(budget=BudgetConfig(max_usd=0.02, on_exceeded="return_none"))
    def agent_fn() -> str:
        client = Client()
        while True:
            client.chat.completions.create(**EXPENSIVE)
            calls.append(1)

    assert agent_fn() is None
    assert 1 <= len(calls) <= 2


def test_budget_block_with_return_none_sets_exceeded(agent: AgentUnderTest) -> None:
    scope = iron_sdk.budget(0.015, on_exceeded="return_none")
    with scope:
        for _ in range(5):
            Client().chat.completions.create(**EXPENSIVE)
    assert scope.exceeded


def test_the_remainder_is_returned_on_exit(admin: Admin, agent: AgentUnderTest) -> None:
    with iron_sdk.budget(0.5) as run:
        during = admin.agent(agent.id)
        assert micros(during["leased_out_usd"]) == 500_000 and micros(during["remaining_usd"]) == 500_000
        Client().chat.completions.create(**CHEAP)
        assert run.request_count == 1 and run.spent_usd > 0
    spent = micros(admin.settled_agent(agent.id)["spent_usd"])
    after = admin.agent(agent.id)
    assert run.closed and after["open_leases"] == 0 and micros(after["leased_out_usd"]) == 0
    assert micros(after["remaining_usd"]) == 1_000_000 - spent, "the agent's remaining budget is restored"
    assert run.returned_usd == pytest.approx(0.5 - spent / 1e6, abs=1e-6)
    assert run.spent_usd == pytest.approx(spent / 1e6, abs=1e-6)


def test_the_lease_is_returned_when_the_agent_raises(admin: Admin, agent: AgentUnderTest) -> None:
    @protect_agent(budget=BudgetConfig(max_usd=0.3))
    def crashing() -> None:
        Client().chat.completions.create(**CHEAP)
        raise KeyError("agent bug")

    with pytest.raises(KeyError):
        crashing()
    after = admin.settled_agent(agent.id)
    assert after["open_leases"] == 0 and micros(after["remaining_usd"]) == 1_000_000 - micros(after["spent_usd"])


def test_a_run_asking_more_than_the_agent_has_gets_what_is_left(agent: AgentUnderTest) -> None:
    with iron_sdk.budget(5.0) as run:
        assert run.limit_usd == pytest.approx(1.0)
        assert run.remaining_usd == pytest.approx(1.0)


def test_calls_after_the_run_ended_are_refused(agent: AgentUnderTest) -> None:
    with iron_sdk.budget(0.1) as run:
        lease_client = Client(api_key=run.api_key)
    with pytest.raises(BudgetExceededError, match="returned or has expired"):
        lease_client.chat.completions.create(**CHEAP)
