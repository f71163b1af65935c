"""An async agent: three tasks run concurrently, each in its own protected run with its own lease.

    npm start; set -a; . .iron/demo.env; set +a
    python3 sdk/python/examples/async_agent.py
"""

from __future__ import annotations

import asyncio
from typing import Tuple

import iron_sdk
from iron_sdk import BudgetConfig, protect_agent


@protect_agent(budget=BudgetConfig(max_usd=0.10, ttl_seconds=120))
async def research(topic: str, steps: int) -> Tuple[str, float, int]:
    client = iron_sdk.AsyncClient()  # each call runs in a worker thread: the event loop never blocks
    notes = []
    for step in range(steps):
        reply = await client.chat.completions.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": f"Step {step} on {topic}"}], max_tokens=64
        )
        notes.append(reply["choices"][0]["message"]["content"])
    stream = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Summarise {topic}"}], stream=True)
    summary = "".join([(chunk["choices"][0]["delta"].get("content") or "") async for chunk in stream if chunk["choices"]])
    run = iron_sdk.current_run()
    assert run is not None
    return summary.strip(), run.spent_usd, run.request_count


async def main() -> None:
    topics = {"budgets": 1, "leases": 2, "audits": 3}
    results = await asyncio.gather(*(research(topic, steps) for topic, steps in topics.items()))
    for topic, (summary, spent, calls) in zip(topics, results):
        print(f"{topic:8} {calls} calls  ${spent:.6f}  {summary[:40]}...")


if __name__ == "__main__":
    asyncio.run(main())
