"""Nested runs borrow from the enclosing run's lease (a nested lease): they can never take more than it has left,
their spend counts in it, and what they leave flows back into it."""

from __future__ import annotations

from typing import Any

import pytest

import iron_sdk
from iron_sdk import BudgetConfig, BudgetExceededError, Client, current_run, protect_agent
from support.admin import Admin, AgentUnderTest, micros

EXPENSIVE = {"model": "gpt-4o", "max_tokens": 1000, "messages": [{"role": "user", "content": "go [[mock:reply_tokens=1000]]"}]}
CHEAP = {"model": "gpt-4o-mini", "max_tokens": 20, "messages": [{"role": "user", "content": "hello"}]}


def test_a_nested_run_borrows_from_its_parent_and_gives_back(admin: Admin, agent: AgentUnderTest) -> None:
    with iron_sdk.budget(0.2, tags={"team": "search"}) as outer:
        with iron_sdk.budget(0.05, tags={"step": "plan"}) as inner:
            assert current_run() is inner and inner.parent is outer
            assert inner.tags == ("team=search", "step=plan")
            during = admin.agent(agent.id)
            assert micros(during["leased_out_usd"]) == 200_000, "the nested lease is carved from the outer lease, not the agent"
            assert during["open_leases"] == 2
            assert outer.remaining_usd == pytest.approx(0.15)
            Client().chat.completions.create(**CHEAP)
            inner_spent = inner.spent_usd
            assert inner_spent > 0
        assert current_run() is outer and inner.closed
        assert outer.spent_usd == pytest.approx(inner_spent, abs=1e-6), "the nested run's spend counts in its parent"
        assert outer.remaining_usd == pytest.approx(0.2 - inner_spent, abs=1e-6), "the rest flowed back into the parent"
        assert outer.request_count == 1 and inner.request_count == 1
    assert current_run() is None
    after = admin.settled_agent(agent.id)
    assert micros(after["spent_usd"]) == round(inner_spent * 1e6) and after["open_leases"] == 0


def test_a_nested_run_cannot_take_more_than_its_parent_has(agent: AgentUnderTest) -> None:
    with iron_sdk.budget(0.03) as outer:
        with iron_sdk.budget(10.0) as inner:
            assert inner.limit_usd == pytest.approx(0.03)
            with pytest.raises(BudgetExceededError):
                for _ in range(10):
                    Client().chat.completions.create(**EXPENSIVE)
        assert outer.spent_usd <= 0.03
        left = outer.remaining_usd
        assert left < 0.01
        with iron_sdk.budget(0.01) as late:  # the parent lease is nearly spent: only its crumbs are lent
            assert late.limit_usd == pytest.approx(left)


def test_nested_protected_agents_and_an_exhausted_child(admin: Admin, agent: AgentUnderTest) -> None:
    @protect_agent(budget=BudgetConfig(max_usd=0.015))
    def worker() -> None:
        client = Client()
        while True:
            client.chat.completions.create(**EXPENSIVE)

    @protect_agent(budget=BudgetConfig(max_usd=0.1))
    def supervisor() -> float:
        run = current_run()
        assert run is not None
        for _ in range(2):
            with pytest.raises(BudgetExceededError) as caught:
                worker()
            assert caught.value.limit == pytest.approx(0.015), "the error carries the child's figures"
        Client().chat.completions.create(**CHEAP)  # the parent goes on after its children ran out
        return run.spent_usd

    spent = supervisor()
    assert 0.02 < spent <= 0.031
    assert micros(admin.settled_agent(agent.id)["spent_usd"]) == round(spent * 1e6)


def test_an_explicit_token_starts_an_independent_run(agent: AgentUnderTest) -> None:
    with iron_sdk.budget(0.1) as outer:
        with iron_sdk.budget(0.1, ic_token=agent.token) as separate:
            assert separate.parent is None
        assert outer.remaining_usd == pytest.approx(0.1)


def test_a_run_on_another_gateway_does_not_nest(agent: AgentUnderTest, stack: Any) -> None:
    """`localhost` is another origin than `127.0.0.1` (the same gateway here, so the independent run can open)."""
    other = stack.url.replace("127.0.0.1", "localhost")
    with iron_sdk.budget(0.1) as outer:
        with iron_sdk.budget(0.1, gateway_url=other) as separate:
            assert separate.parent is None and separate.base_url == other, "opened with IRON_TOKEN, not the parent's lease"
            assert current_run() is separate
        assert outer.remaining_usd == pytest.approx(0.1)
        with iron_sdk.budget(0.05, gateway_url=f"{stack.url}/v1") as same:
            assert same.parent is outer, "the parent's gateway, spelt differently, still nests"
