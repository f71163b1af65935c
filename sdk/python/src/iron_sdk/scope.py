"""`iron_sdk.budget(...)`: a protected run around a block, as a sync or async context manager.

Entering opens a lease (nested under the active run, if any), starts refreshing it and makes the run active;
leaving makes it inactive, stops refreshing, returns the lease (the unspent rest flows back at once) and turns
Iron refusals raised by the official clients into iron-sdk exceptions.
"""

from __future__ import annotations

import asyncio
import logging
from contextvars import Token
from types import TracebackType
from typing import Optional, Type, Union

from . import lease_api, redirect
from .config import BudgetConfig, agent_token, gateway_urls
from .context import activate, current_run, deactivate
from .error_mapping import error_from_foreign
from .errors import AuthenticationError, BudgetExceededError, IronError
from .money import usd_to_micros
from .refresher import REFRESHER
from .run import Run
from .tags import TagsInput, normalize_tags

_log = logging.getLogger("iron_sdk")


class BudgetScope:
    """One protected run around a block (single use). `with budget(5.0) as run:` or `async with budget(5.0) as run:`.

    With `on_exceeded="return_none"` a BudgetExceededError raised in the block is swallowed at its end and
    `exceeded` is set; a refusal of the lease itself (nothing left to lend) still raises on entry.
    """

    def __init__(
        self,
        config: BudgetConfig,
        *,
        ic_token: Optional[str] = None,
        gateway_url: Optional[str] = None,
        tags: TagsInput = None,
        activate_run: bool = True,
    ) -> None:
        self.config = config
        self.exceeded = False
        self.run: Optional[Run] = None
        self._ic_token = ic_token
        self._gateway_url = gateway_url
        self._tags = tags
        self._activate = activate_run
        self._token: Optional[Token[Optional[Run]]] = None

    # --- open / finish, shared by the sync and async forms --------------------------------------------------
    def open(self) -> Run:
        """Opens the lease and starts refreshing it (does not make the run active)."""
        if self.run is not None:
            raise IronError("A budget(...) scope is single-use: create a new one for each run.")
        parent = current_run() if self._ic_token is None else None
        urls = gateway_urls(self._gateway_url) if self._gateway_url is not None or parent is None else parent.gateway_urls
        token = parent.api_key if parent is not None else agent_token(self._ic_token)
        tags = normalize_tags(self._tags, parent.tags if parent is not None else ())
        try:
            lease, lease_token = lease_api.handshake(urls, token, usd_to_micros(self.config.max_usd), self.config.ttl_seconds)
        except AuthenticationError as error:
            source = "the enclosing run's lease" if parent is not None else ("ic_token" if self._ic_token else "IRON_TOKEN / IC_TOKEN")
            error.message = f"The Iron gateway at {urls.base} refused the token from {source}: unknown, revoked, replaced or mistyped. [gateway: {error.message}]"
            raise
        run = Run(urls=urls, lease_token=lease_token, lease=lease, config=self.config, tags=tags, parent=parent)
        redirect.install()
        REFRESHER.add(run)
        self.run = run
        return run

    def finish(self, error: Optional[BaseException]) -> bool:
        """Returns the lease; maps `error` (True: swallow it, under `on_exceeded="return_none"`)."""
        run = self.run
        if run is None:
            return False
        REFRESHER.remove(run)
        mapped = _translate(run, error)
        try:
            run.close()
        except IronError as failure:  # the lease is not lost: it expires by its TTL and the rest flows back then
            _log.warning("iron-sdk: could not return lease %s (%s); it expires by its TTL", run.lease_id, failure)
        if isinstance(mapped, BudgetExceededError) and self.config.on_exceeded == "return_none":
            self.exceeded = True
            return True
        if mapped is not None and mapped is not error:
            raise mapped from error
        return False

    # --- context-manager protocols ----------------------------------------------------------------------------
    def __enter__(self) -> Run:
        run = self.open()
        if self._activate:
            self._token = activate(run)
        return run

    def __exit__(
        self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]
    ) -> bool:
        self._restore()
        return self.finish(exc)

    async def __aenter__(self) -> Run:
        run = await asyncio.to_thread(self.open)  # the HTTP call must not block the event loop
        if self._activate:
            self._token = activate(run)
        return run

    async def __aexit__(
        self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]
    ) -> bool:
        self._restore()
        return await asyncio.to_thread(self.finish, exc)

    def _restore(self) -> None:
        if self._token is not None:
            deactivate(self._token)
            self._token = None


def _translate(run: Run, error: Optional[BaseException]) -> Optional[BaseException]:
    """The iron-sdk exception for `error` (an official client's Iron refusal becomes ours), with the run's figures."""
    if error is None:
        return None
    mapped: Union[BaseException, IronError, None] = error if isinstance(error, IronError) else error_from_foreign(error)
    if mapped is None:
        return error
    if isinstance(mapped, BudgetExceededError) and mapped.limit is None:
        run.fill_budget_error(mapped)
    return mapped
