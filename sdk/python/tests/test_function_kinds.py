"""protect_agent on plain, async, generator and async-generator functions: each call (or iteration) is one run,
active only inside the agent's own code, with its lease returned however the iteration ends."""

from __future__ import annotations

import asyncio
import functools
import inspect
from typing import AsyncIterator, Iterator, List, Optional

import pytest

from iron_sdk import BudgetConfig, BudgetExceededError, Client, Run, current_run, protect_agent
from support.admin import Admin, AgentUnderTest, micros

CHEAP = {"model": "gpt-4o-mini", "max_tokens": 20, "messages": [{"role": "user", "content": "hello"}]}
EXPENSIVE = {"model": "gpt-4o", "max_tokens": 1000, "messages": [{"role": "user", "content": "go [[mock:reply_tokens=1000]]"}]}
protect = functools.partial(protect_agent, budget=BudgetConfig(max_usd=0.1))


def test_plain_and_async_functions_keep_their_signature_and_return_value(agent: AgentUnderTest) -> None:
    @protect()
    def plain(x: int) -> int:
        """Doc."""
        assert current_run() is not None
        return x * 2

    @protect()
    async def coroutine(x: int) -> int:
        assert current_run() is not None
        return x * 3

    assert plain(2) == 4 and plain.__name__ == "plain" and plain.__doc__ == "Doc."
    assert inspect.iscoroutinefunction(coroutine) and asyncio.run(coroutine(2)) == 6
    assert current_run() is None


def test_a_generator_agent_runs_in_its_run_and_the_caller_does_not(admin: Admin, agent: AgentUnderTest) -> None:
    @protect()
    def steps(n: int) -> Iterator[Optional[Run]]:
        client = Client()
        for _ in range(n):
            client.chat.completions.create(**CHEAP)
            received = yield current_run()
            assert received in (None, "ping")
        return "done"  # noqa: B901 - generator return value

    assert inspect.isgeneratorfunction(steps)
    gen = steps(3)
    seen: List[Optional[Run]] = [next(gen)]
    assert current_run() is None, "between steps the caller is outside the run"
    seen.append(gen.send("ping"))
    seen.append(next(gen))
    with pytest.raises(StopIteration) as stop:
        next(gen)
    assert stop.value.value == "done"
    assert seen[0] is not None and seen[0] is seen[1] is seen[2] and seen[0].closed
    assert seen[0].request_count == 3
    assert admin.settled_agent(agent.id)["open_leases"] == 0


def test_a_generator_closed_early_returns_its_lease(admin: Admin, agent: AgentUnderTest) -> None:
    @protect()
    def endless() -> Iterator[int]:
        i = 0
        while True:
            yield i
            i += 1

    for i in endless():
        if i == 2:
            break
    after = admin.agent(agent.id)
    assert after["open_leases"] == 0 and micros(after["leased_out_usd"]) == 0


def test_an_async_generator_agent(admin: Admin, agent: AgentUnderTest) -> None:
    @protect()
    async def stream_agent(n: int) -> AsyncIterator[str]:
        for i in range(n):
            await asyncio.sleep(0)
            run = current_run()
            assert run is not None
            yield f"{i}:{run.lease_id}"

    async def main() -> List[str]:
        out = []
        async for item in stream_agent(3):
            assert current_run() is None
            out.append(item)
        return out

    assert inspect.isasyncgenfunction(stream_agent)
    items = asyncio.run(main())
    assert [item.split(":")[0] for item in items] == ["0", "1", "2"] and len({item.split(":")[1] for item in items}) == 1
    assert admin.agent(agent.id)["open_leases"] == 0


def test_generators_raise_or_stop_when_the_budget_runs_out(agent: AgentUnderTest) -> None:
    def spending() -> Iterator[int]:
        client = Client()
        for i in range(20):
            client.chat.completions.create(**EXPENSIVE)
            yield i

    loud = protect_agent(budget=BudgetConfig(max_usd=0.02))(spending)
    quiet = protect_agent(budget=BudgetConfig(max_usd=0.02, on_exceeded="return_none"))(spending)
    with pytest.raises(BudgetExceededError):
        list(loud())
    assert 1 <= len(list(quiet())) <= 2
