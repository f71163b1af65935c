"""Quick start: an agent function with a $0.50 budget, using iron_sdk's own client (nothing else to install).

    npm start                                   # in the repository: gateway + mock provider, writes .iron/demo.env
    set -a; . .iron/demo.env; set +a            # IRON_TOKEN and IRON_GATEWAY_URL
    python3 sdk/python/examples/quick_start.py
"""

from __future__ import annotations

import iron_sdk
from iron_sdk import BudgetConfig, BudgetExceededError, protect_agent


@protect_agent(budget=BudgetConfig(max_usd=0.50), tags={"example": "quick-start"})
def answer(question: str) -> str:
    client = iron_sdk.Client()  # inside the run: spends from the run's lease, never more than $0.50
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    run = iron_sdk.current_run()
    assert run is not None
    print(f"lease {run.lease_id}: spent ${run.spent_usd:.6f} of ${run.limit_usd:.2f} in {run.request_count} call(s)")
    content: str = reply["choices"][0]["message"]["content"]
    return content


def main() -> None:
    try:
        print("answer:", answer("What is a budget lease?"))
    except BudgetExceededError as error:  # e.g. the agent's budget has nothing left to lend this run
        print(f"no answer: {error}")

    # The same run also works with the official clients, constructed inside the run:
    #     client = openai.OpenAI()            # base_url and api_key now point at the gateway, on the run's lease
    # Any other client can read iron_sdk.current_run().openai_base_url / .api_key.

    scope = iron_sdk.budget(0.02)  # a tiny budget, spent fast by long answers
    try:
        with scope:
            while True:
                iron_sdk.Client().chat.completions.create(
                    model="gpt-4o", max_tokens=1000, messages=[{"role": "user", "content": "Write a lot. [[mock:reply_tokens=1000]]"}]
                )
    except BudgetExceededError as error:
        if scope.run is None:  # the lease itself was refused: the agent's budget has nothing left to lend
            print(f"no run: {error}")
        else:
            print(f"stopped: spent ${error.spent or 0:.6f} of ${error.limit or 0:.6f}; the rest (${scope.run.returned_usd or 0:.6f}) went back to the agent")


if __name__ == "__main__":
    main()
