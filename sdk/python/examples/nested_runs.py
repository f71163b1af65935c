"""Nested runs: a supervisor with $0.10 gives each worker a slice of its own lease; a worker that runs out stops
alone, what it leaves flows back to the supervisor, and the supervisor can never spend more than its $0.10.

    npm start; set -a; . .iron/demo.env; set +a
    python3 sdk/python/examples/nested_runs.py
"""

from __future__ import annotations

from typing import Optional

import iron_sdk
from iron_sdk import BudgetConfig, protect_agent

LONG = [{"role": "user", "content": "Write an essay. [[mock:reply_tokens=1000]]"}]


@protect_agent(budget=BudgetConfig(max_usd=0.025, on_exceeded="return_none"))
def worker(name: str) -> Optional[str]:
    client = iron_sdk.Client()
    for _ in range(10):  # more than $0.025 allows: the run ends quietly when its lease is spent
        client.chat.completions.create(model="gpt-4o", max_tokens=1000, messages=LONG)
    return f"{name} finished"


@protect_agent(budget=BudgetConfig(max_usd=0.10), tags={"example": "nested"})
def supervisor() -> None:
    run = iron_sdk.current_run()
    assert run is not None
    for name in ("alpha", "beta", "gamma"):
        outcome = worker(name) or f"{name} ran out of budget"
        print(f"{outcome:28} supervisor has ${run.remaining_usd:.6f} left")
    print(f"supervisor spent ${run.spent_usd:.6f} of ${run.limit_usd:.2f} in {run.request_count} calls")


if __name__ == "__main__":
    supervisor()
