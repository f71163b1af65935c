"""The admin's view of the live gateway, through the control API (plain urllib: independent of the SDK under test)."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Dict, Optional
from urllib.error import HTTPError
from urllib.request import Request, urlopen


def http(method: str, url: str, headers: Optional[Dict[str, str]] = None, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = Request(url, data=data, method=method, headers={"content-type": "application/json", **(headers or {})})
    try:
        with urlopen(request, timeout=30) as response:
            raw = response.read()
    except HTTPError as error:
        raise AssertionError(f"{method} {url} -> {error.code}: {error.read()[:500]!r}") from None
    return json.loads(raw) if raw else None


def micros(usd: str) -> int:
    return int(Decimal(usd) * 1_000_000)


@dataclass(frozen=True)
class AgentUnderTest:
    id: str
    token: str
    provider_key: str


class Admin:
    """Logged in as the stack's admin; re-logs in when the 10-minute access token runs out."""

    def __init__(self, url: str, mock_url: str, email: str, password: str) -> None:
        self.url, self.mock_url, self._email, self._password = url, mock_url, email, password
        self._token = ""
        self._at = 0.0

    def call(self, method: str, path: str, body: Any = None) -> Any:
        if time.monotonic() - self._at > 300:
            answer = http("POST", f"{self.url}/api/v1/auth/login", body={"email": self._email, "password": self._password})
            self._token, self._at = answer["access_token"], time.monotonic()
        return http(method, f"{self.url}/api/v1{path}", {"authorization": f"Bearer {self._token}"}, body)

    def new_agent(self, budget_usd: str = "1") -> AgentUnderTest:
        """A fresh agent with its own providers (OpenAI and Anthropic shaped, at the mock) and a provider key of its
        own, so the mock's bill for that key is this agent's provider bill."""
        key = f"sk-test-{uuid.uuid4().hex}"
        tag = uuid.uuid4().hex[:8]
        providers = [
            self.call("POST", "/providers", {"name": f"sdk-openai-{tag}", "kind": "openai", "base_url": f"{self.mock_url}/v1", "api_key": key}),
            self.call("POST", "/providers", {"name": f"sdk-anthropic-{tag}", "kind": "anthropic", "base_url": self.mock_url, "api_key": key}),
        ]
        created = self.call("POST", "/agents", {"name": f"sdk-test-{tag}", "budget_usd": budget_usd, "provider_ids": [p["id"] for p in providers]})
        return AgentUnderTest(id=created["id"], token=created["token"], provider_key=key)

    def agent(self, agent_id: str) -> Dict[str, Any]:
        """The agent with its live budget: budget_usd, spent_usd, reserved_usd, leased_out_usd, remaining_usd, open_leases."""
        return self.call("GET", f"/agents/{agent_id}")  # type: ignore[no-any-return]

    def settled_agent(self, agent_id: str, done: Callable[[Dict[str, Any]], bool] = lambda a: True, timeout: float = 30.0) -> Dict[str, Any]:
        """The agent once nothing is reserved any more (settlements run off the response path) and `done` holds."""
        deadline = time.monotonic() + timeout
        while True:
            agent = self.agent(agent_id)
            if (micros(agent["reserved_usd"]) == 0 and done(agent)) or time.monotonic() > deadline:
                return agent
            time.sleep(0.2)

    def provider_bill_micros(self, provider_key: str) -> int:
        """What the (mock) provider billed this key: the ground truth of what the agent's calls cost."""
        bill = http("GET", f"{self.mock_url}/__mock/bill", {"authorization": f"Bearer {provider_key}"})
        return int(bill["cost_micros"])
