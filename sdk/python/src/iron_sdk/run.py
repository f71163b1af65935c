"""A protected run: one lease of the gateway, what any client inside needs to spend from it, and what it spent."""

from __future__ import annotations

import asyncio
import functools
import threading
from typing import Callable, Dict, Optional, Tuple, TypeVar

from . import lease_api
from .config import BudgetConfig, GatewayUrls
from .context import activate, deactivate
from .errors import BudgetExceededError, IronError
from .lease_api import LeaseState
from .money import micros_to_usd, usd_to_micros
from .tags import HEADER as TAGS_HEADER, tags_header

T = TypeVar("T")


class Run:
    """One protected run. Created by `protect_agent` / `budget(...)`; read it with `iron_sdk.current_run()`.

    Every call made with `api_key` (the lease token) at `openai_base_url` / `anthropic_base_url`, or with the
    `x-iron-lease` header of `headers()` next to the agent token, is charged to this run's lease, which the gateway
    never lets spend more than it was granted (at most `config.max_usd`).
    """

    def __init__(
        self,
        *,
        urls: GatewayUrls,
        lease_token: str,
        lease: LeaseState,
        config: BudgetConfig,
        tags: Tuple[str, ...],
        parent: "Optional[Run]",
    ) -> None:
        self.config = config
        self.tags: Tuple[str, ...] = tuple(tags)
        self.parent = parent
        self.returned_usd: Optional[float] = None
        self._urls = urls
        self._token = lease_token
        self._lease = lease
        self._lock = threading.Lock()
        self._requests = 0
        self._closed = False

    # --- what a client needs -------------------------------------------------------------------------------
    @property
    def lease_id(self) -> str:
        """The lease's id (`lse_…`): the gateway's request log records it on every call of this run."""
        return self._lease.lease_id

    @property
    def api_key(self) -> str:
        """The lease token (`icl_…`): use it as the API key of any OpenAI- or Anthropic-compatible client."""
        return self._token

    @property
    def base_url(self) -> str:
        """The gateway's base URL (no path)."""
        return self._urls.base

    @property
    def openai_base_url(self) -> str:
        """`base_url` for OpenAI-shaped clients (`…/v1`)."""
        return self._urls.openai

    @property
    def anthropic_base_url(self) -> str:
        """`base_url` for Anthropic-shaped clients (the gateway's base; they add `/v1/messages`)."""
        return self._urls.anthropic

    @property
    def gateway_urls(self) -> GatewayUrls:
        """All of the gateway's addresses."""
        return self._urls

    def headers(self) -> Dict[str, str]:
        """Headers for a call of this run: `x-iron-lease` (spend from this lease even when the API key is the agent
        token) and `x-iron-tags` when the run has tags."""
        out = {"x-iron-lease": self._token}
        tags = tags_header(self.tags)
        if tags is not None:
            out[TAGS_HEADER] = tags
        return out

    def env(self) -> Dict[str, str]:
        """Environment variables that point a child process's clients at this run (pass to `subprocess`, never set
        them on `os.environ` of a process with other runs). A run started there with IRON_TOKEN = this lease token
        nests under this run."""
        return {
            "IRON_TOKEN": self._token,
            "IRON_GATEWAY_URL": self._urls.base,
            "OPENAI_BASE_URL": self._urls.openai,
            "OPENAI_API_KEY": self._token,
            "ANTHROPIC_BASE_URL": self._urls.anthropic,
            "ANTHROPIC_API_KEY": self._token,
        }

    def wrap(self, fn: Callable[..., T]) -> Callable[..., T]:
        """`fn` made to run with this run active, e.g. in a thread or thread pool (new threads start with no run)."""

        @functools.wraps(fn)
        def call_in_run(*args: object, **kwargs: object) -> T:
            token = activate(self)
            try:
                return fn(*args, **kwargs)
            finally:
                deactivate(token)

        return call_in_run

    # --- what it spent ----------------------------------------------------------------------------------------
    def lease(self) -> LeaseState:
        """The lease as the gateway reports it now: one blocking HTTP call (up to 30 s). If the gateway cannot be
        reached or answers nonsense, the last known state instead (never raises for that)."""
        try:
            state = lease_api.get_lease(self._urls, self._token)
        except IronError:
            return self._lease
        self._lease = state
        return state

    async def lease_async(self) -> LeaseState:
        """`lease()` for asyncio code: the HTTP call runs in a worker thread, so the event loop never blocks.
        `(await run.lease_async()).spent_usd`."""
        return await asyncio.to_thread(self.lease)

    @property
    def spent_usd(self) -> float:
        """USD spent by this run so far (nested runs included), as the gateway's ledger has it.

        Each read asks the gateway (`lease()`: a blocking HTTP call; the last known figure if the gateway is
        unreachable). Read it once into a variable in a loop; in async code prefer `await run.lease_async()`."""
        return micros_to_usd(self.lease().spent_micros)

    @property
    def remaining_usd(self) -> float:
        """USD this run can still spend (0 once it is closed). Asks the gateway at each read, like `spent_usd`."""
        return micros_to_usd(self.lease().remaining_micros)

    @property
    def limit_usd(self) -> float:
        """USD the lease was granted: `config.max_usd`, or less when the budget above it was short."""
        return micros_to_usd(self._lease.granted_micros)

    @property
    def request_count(self) -> int:
        """Calls made in this run (nested runs included) through `iron_sdk.Client`; the official clients' calls are
        not seen by the SDK (they are in the gateway's request log under `lease_id`)."""
        return self._requests

    @property
    def closed(self) -> bool:
        """True once the run ended: its lease returned (or, if returning it failed, left to expire by its TTL)."""
        return self._closed

    def fill_budget_error(self, error: BudgetExceededError) -> BudgetExceededError:
        """Puts this run's figures (spent, remaining, limit of its lease) on a BudgetExceededError; returns it."""
        state = self.lease()
        error.spent = micros_to_usd(state.spent_micros)
        error.remaining = micros_to_usd(state.remaining_micros)
        error.limit = micros_to_usd(state.granted_micros)
        if error.code == "budget_exceeded" and state.state == "open":
            error.message = (
                f"Run budget exceeded: ${error.spent:.6f} of this run's ${error.limit:.6f} spent "
                f"(max_usd={self.config.max_usd}); the ${error.remaining:.6f} left is less than the next call could cost. "
                f"[gateway: {error.message}]"
            )
        return error

    # --- lifecycle (used by the scope and the refresher) ------------------------------------------------------
    def count_request(self) -> None:
        """Counts one call in this run and every run it is nested in."""
        run: Optional[Run] = self
        while run is not None:
            with run._lock:
                run._requests += 1
            run = run.parent

    def keep_alive(self) -> None:
        """Moves the expiry `ttl_seconds` ahead, and asks for the part of `max_usd` a short parent did not grant."""
        if self._closed:
            return
        shortfall = usd_to_micros(self.config.max_usd) - self._lease.granted_micros
        try:
            self._lease = lease_api.refresh(self._urls, self._token, max(0, shortfall), self.config.ttl_seconds)
        except BudgetExceededError as error:  # the parent has nothing to add; the expiry still moves
            if error.code != "budget_exceeded" or shortfall <= 0:
                raise
            self._lease = lease_api.refresh(self._urls, self._token, 0, self.config.ttl_seconds)

    def close(self) -> None:
        """Returns the lease: what it did not spend flows back to the parent at once. Idempotent."""
        if self._closed:
            return
        self._closed = True  # first: whatever happens below, the run is over and no longer refreshed
        self._lease, returned = lease_api.return_lease(self._urls, self._token)
        self.returned_usd = micros_to_usd(returned)

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open"
        return f"<iron_sdk.Run {self.lease_id} {state} limit=${self.limit_usd:.6f} requests={self._requests}>"
