"""protect_agent on plain, async, generator and async-generator functions: each call (or iteration) is one run,
active only inside the agent's own code, with its lease returned however the iteration ends."""

from __future__ import annotations

import asyncio
import functools
import gc
import inspect
import warnings
from typing import Any, AsyncGenerator, AsyncIterator, Callable, Iterator, List, Optional, Tuple, cast

import pytest

import iron_sdk
from iron_sdk import AsyncClient, BudgetConfig, BudgetExceededError, Client, Run, current_run, protect_agent
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


def test_an_async_generator_closed_early_returns_its_lease(admin: Admin, agent: AgentUnderTest) -> None:
    @protect()
    async def endless() -> AsyncIterator[int]:
        i = 0
        while True:
            yield i
            i += 1

    async def main() -> Tuple[int, int]:
        closed = cast(AsyncGenerator[int, None], endless())
        async for i in closed:
            if i == 2:
                break
        held = micros(admin.agent(agent.id)["leased_out_usd"])
        await closed.aclose()
        after_aclose = micros(admin.agent(agent.id)["leased_out_usd"])
        async for i in endless():  # broken off and dropped: asyncio's async-generator finalizer closes it
            if i == 1:
                break
        return held, after_aclose

    held, after_aclose = asyncio.run(main())
    assert held == 100_000 and after_aclose == 0, "aclose() returned the lease at once"
    after = admin.agent(agent.id)
    assert after["open_leases"] == 0 and micros(after["leased_out_usd"]) == 0


def test_a_nested_budget_spanning_yields_stays_active_in_a_generator(admin: Admin, agent: AgentUnderTest) -> None:
    @protect()
    def steps() -> Iterator[bool]:
        outer = current_run()
        with iron_sdk.budget(0.02) as inner:
            yield current_run() is inner and inner.parent is outer
            Client().chat.completions.create(**CHEAP)  # spends from the inner run
            yield current_run() is inner and inner.request_count == 1
        assert outer is not None
        yield current_run() is outer and inner.closed and outer.spent_usd == inner.spent_usd > 0

    @protect()
    async def async_steps() -> AsyncIterator[bool]:
        outer = current_run()
        async with iron_sdk.budget(0.02) as inner:
            yield current_run() is inner and inner.parent is outer
            await AsyncClient().chat.completions.create(**CHEAP)
            yield current_run() is inner and inner.request_count == 1
        yield current_run() is outer and inner.closed

    results = []
    for ok in steps():
        assert current_run() is None, "the caller is outside both runs between steps"
        results.append(ok)

    async def main() -> List[bool]:
        out = []
        async for ok in async_steps():
            assert current_run() is None
            out.append(ok)
        return out

    assert results == [True, True, True] and asyncio.run(main()) == [True, True, True]
    assert admin.settled_agent(agent.id)["open_leases"] == 0


def _plain_decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def plain(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)

    return plain


def test_deferred_work_behind_a_plain_callable_runs_in_the_run(admin: Admin, agent: AgentUnderTest) -> None:
    @protect()
    @_plain_decorator
    async def hidden() -> Tuple[str, float]:
        await asyncio.sleep(0.01)
        run = current_run()
        assert run is not None and not run.closed
        await AsyncClient().chat.completions.create(**CHEAP)
        return run.lease_id, run.spent_usd

    class CallableAgent:
        async def __call__(self, word: str) -> str:
            run = current_run()
            assert run is not None
            await AsyncClient().chat.completions.create(**CHEAP)
            return f"{word}:{run.request_count}"

    @protect()
    def returns_generator() -> Iterator[int]:
        def work() -> Iterator[int]:
            run = current_run()
            assert run is not None
            Client().chat.completions.create(**CHEAP)
            yield run.request_count

        return work()

    @protect()
    def returns_async_generator() -> AsyncIterator[int]:
        async def work() -> AsyncIterator[int]:
            run = current_run()
            assert run is not None
            await AsyncClient().chat.completions.create(**CHEAP)
            yield run.request_count

        return work()

    callable_agent = protect()(CallableAgent())
    assert inspect.iscoroutinefunction(callable_agent)

    async def main() -> None:
        lease_id, spent = await hidden()
        assert lease_id.startswith("lse_") and spent > 0
        assert await callable_agent("hi") == "hi:1"
        assert [n async for n in returns_async_generator()] == [1]
        assert current_run() is None

    asyncio.run(main())
    assert list(returns_generator()) == [1]
    with warnings.catch_warnings():  # "coroutine ... was never awaited": the point of this case
        warnings.simplefilter("ignore", RuntimeWarning)
        never_awaited = hidden()
        assert micros(admin.agent(agent.id)["leased_out_usd"]) == 100_000
        del never_awaited
        gc.collect()
    after = admin.settled_agent(agent.id)
    assert after["open_leases"] == 0 and micros(after["leased_out_usd"]) == 0, "every lease was returned"
    assert admin.provider_bill_micros(agent.provider_key) == micros(after["spent_usd"]), "four calls, all on leases"


def test_return_none_also_covers_a_lease_refused_at_the_start(agent: AgentUnderTest) -> None:
    ran: List[str] = []
    quiet = BudgetConfig(max_usd=0.1, on_exceeded="return_none")

    @protect_agent(budget=quiet, ic_token=agent.token)  # independent of the run below, which holds the whole budget
    def plain() -> str:
        ran.append("plain")
        return "ran"

    @protect_agent(budget=quiet, ic_token=agent.token)
    async def coroutine() -> str:
        ran.append("coroutine")
        return "ran"

    @protect_agent(budget=quiet, ic_token=agent.token)
    def generator() -> Iterator[int]:
        ran.append("generator")
        yield 1

    with iron_sdk.budget(1.0) as hog:
        assert hog.limit_usd == pytest.approx(1.0)
        assert plain() is None and asyncio.run(coroutine()) is None and list(generator()) == []
        with pytest.raises(BudgetExceededError):
            protect_agent(budget=0.1, ic_token=agent.token)(lambda: "ran")()
        with pytest.raises(BudgetExceededError):  # a block cannot be skipped: budget(...) raises on entry
            with iron_sdk.budget(quiet, ic_token=agent.token):
                ran.append("block")
    assert ran == [], "no body ran without a lease"
