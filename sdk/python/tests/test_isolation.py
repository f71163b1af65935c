"""Runs in different threads and asyncio tasks are isolated: each sees its own run and spends from its own lease."""

from __future__ import annotations

import asyncio
import threading
from typing import Dict, List, Optional, Tuple

import pytest

import iron_sdk
from iron_sdk import AsyncClient, BudgetConfig, Client, Run, current_run, protect_agent
from support.admin import Admin, AgentUnderTest, micros

CHEAP = {"model": "gpt-4o-mini", "max_tokens": 20, "messages": [{"role": "user", "content": "hello"}]}


def test_threaded_runs_are_isolated(admin: Admin, agent: AgentUnderTest) -> None:
    barrier = threading.Barrier(3)
    results: Dict[str, Tuple[Run, Optional[Run], float]] = {}
    errors: List[BaseException] = []

    def worker(name: str, max_usd: float, calls: int) -> None:
        try:
            with iron_sdk.budget(max_usd, tags={"worker": name}) as run:
                barrier.wait(timeout=30)  # all three runs are open at once
                for _ in range(calls):
                    Client().chat.completions.create(**CHEAP)
                seen = current_run()
                barrier.wait(timeout=30)
                results[name] = (run, seen, run.spent_usd)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(name, usd, n)) for name, usd, n in (("a", 0.1, 1), ("b", 0.2, 3), ("c", 0.3, 2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert current_run() is None, "the main thread never saw a run"
    runs = {name: entry[0] for name, entry in results.items()}
    assert all(results[name][1] is runs[name] for name in runs), "each thread saw its own run"
    assert len({run.lease_id for run in runs.values()}) == 3
    assert [runs[n].request_count for n in "abc"] == [1, 3, 2]
    per_call = results["a"][2]
    assert results["b"][2] == pytest.approx(3 * per_call) and results["c"][2] == pytest.approx(2 * per_call)
    assert micros(admin.settled_agent(agent.id)["spent_usd"]) == round(6 * per_call * 1e6)


def test_a_run_carried_into_a_thread_with_wrap(agent: AgentUnderTest) -> None:
    seen: List[Optional[Run]] = []
    with iron_sdk.budget(0.1) as run:
        plain = threading.Thread(target=lambda: seen.append(current_run()))
        wrapped = threading.Thread(target=run.wrap(lambda: seen.append(current_run())))
        for thread in (plain, wrapped):
            thread.start()
            thread.join()
    assert seen == [None, run]


def test_async_runs_are_isolated(admin: Admin, agent: AgentUnderTest) -> None:
    @protect_agent(budget=BudgetConfig(max_usd=0.1))
    async def async_agent(calls: int) -> Tuple[Run, int, float]:
        run = current_run()
        assert run is not None
        client = AsyncClient()
        for _ in range(calls):
            await client.chat.completions.create(**CHEAP)
            await asyncio.sleep(0.01)  # let the other tasks run in between
            assert current_run() is run
        return run, run.request_count, run.spent_usd

    async def main() -> List[Tuple[Run, int, float]]:
        results = await asyncio.gather(async_agent(1), async_agent(2), async_agent(3))
        assert current_run() is None
        return list(results)

    results = asyncio.run(main())
    assert len({run.lease_id for run, _, _ in results}) == 3
    assert [count for _, count, _ in results] == [1, 2, 3]
    per_call = results[0][2]
    assert results[1][2] == pytest.approx(2 * per_call) and results[2][2] == pytest.approx(3 * per_call)
    after = admin.settled_agent(agent.id)
    assert after["open_leases"] == 0 and micros(after["spent_usd"]) == round(6 * per_call * 1e6)


def test_async_budget_block_and_tasks_inherit_the_run(agent: AgentUnderTest) -> None:
    async def main() -> None:
        async with iron_sdk.budget(0.1) as run:
            assert current_run() is run
            child = asyncio.create_task(asyncio.sleep(0, result="x"))
            await child
            inherited = await asyncio.create_task(_current())
            assert inherited is run, "a task created inside the run belongs to it"
            stream = await AsyncClient().chat.completions.create(stream=True, **CHEAP)
            chunks = [chunk async for chunk in stream]
            assert chunks and run.request_count == 1
        assert current_run() is None and run.closed

    asyncio.run(main())


async def _current() -> Optional[Run]:
    return current_run()
