"""`iron_sdk.budget(...)`: a protected run around a block, as a sync or async context manager.

Entering opens a lease (nested under the active run, if any, on the same gateway), starts refreshing it and makes
the run active; leaving makes it inactive, stops refreshing, returns the lease (the unspent rest flows back at once)
and turns Iron refusals raised by the official clients into iron-sdk exceptions. A failure to return the lease is
logged, never raised over the block's own outcome.
"""

from __future__ import annotations

import asyncio
import logging
from contextvars import Token
from types import TracebackType
from typing import Optional, Tuple, Type, Union

from . import lease_api, redirect
from .config import BudgetConfig, GatewayUrls, agent_token, gateway_urls, redact_url
from .context import activate, current_run, deactivate
from .error_mapping import error_from_foreign
from .errors import AuthenticationError, BudgetExceededError, IronError
from .lease_guard import open_off_loop, return_quietly
from .money import usd_to_micros
from .refresher import REFRESHER
from .run import Run
from .tags import TagsInput, normalize_tags

_log = logging.getLogger("iron_sdk")
_PARENT = "the enclosing run's lease"


class BudgetScope:
    """One protected run around a block (single use). `with budget(5.0) as run:` or `async with budget(5.0) as run:`.

    With `on_exceeded="return_none"` a BudgetExceededError raised in the block is swallowed at its end and
    `exceeded` is set; a refusal of the lease itself (nothing left to lend) still raises on entry. An `async with`
    cancelled while its lease is being opened returns that lease as soon as the gateway has opened it.
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
        self._entered = False
        self._finished = False
        self._detached = False

    # --- open / finish, shared by the sync and async forms --------------------------------------------------
    def open(self) -> Run:
        """Opens the lease and starts refreshing it (does not make the run active)."""
        self._claim()
        return self._adopt(self._handshake())

    def finish(self, error: Optional[BaseException]) -> bool:
        """Returns the lease; maps `error` (True: swallow it, under `on_exceeded="return_none"`). Runs once."""
        run = self.run
        if run is None or self._finished:
            return False
        self._finished = True
        REFRESHER.remove(run)
        try:
            mapped = _translate(run, error)
        finally:
            return_quietly(run)
        if isinstance(mapped, BudgetExceededError) and self.config.on_exceeded == "return_none":
            self.exceeded = True
            return True
        if mapped is not None and mapped is not error:
            raise mapped from error
        return False

    def detach(self) -> None:
        """Leaving the `with` block then only makes the run inactive: the lease stays open until `finish` is called
        (for a plain function that returned a coroutine or generator which goes on spending in the run)."""
        self._detached = True

    def _claim(self) -> None:
        if self._entered:
            raise IronError("A budget(...) scope is single-use: create a new one for each run.")
        self._entered = True

    def _handshake(self) -> Run:
        """Opens the lease and builds the run, with no other effect (the caller adopts the run or returns its lease)."""
        parent, urls, token, source = self._lender()
        tags = normalize_tags(self._tags, parent.tags if parent is not None else ())
        try:
            lease, lease_token = lease_api.handshake(urls, token, usd_to_micros(self.config.max_usd), self.config.ttl_seconds)
        except AuthenticationError as error:
            error.message = (
                f"The Iron gateway at {redact_url(urls.base)} refused the token from {source}: unknown, revoked, replaced "
                f"or mistyped. [gateway: {error.message}]"
            )
            raise
        return Run(urls=urls, lease_token=lease_token, lease=lease, config=self.config, tags=tags, parent=parent)

    def _lender(self) -> Tuple[Optional[Run], GatewayUrls, str, str]:
        """Parent run, gateway, token to open the lease with, and where that token came from (for messages)."""
        parent = current_run() if self._ic_token is None else None
        if parent is None:
            source = "ic_token" if self._ic_token else "IRON_TOKEN / IC_TOKEN"
            return None, gateway_urls(self._gateway_url), agent_token(self._ic_token), source
        if self._gateway_url is None:
            return parent, parent.gateway_urls, parent.api_key, _PARENT
        urls = gateway_urls(self._gateway_url)
        if urls.same_gateway(parent.gateway_urls):
            return parent, parent.gateway_urls, parent.api_key, _PARENT
        return None, urls, _token_for_other_gateway(urls, parent), "IRON_TOKEN / IC_TOKEN"

    def _adopt(self, run: Run) -> Run:
        redirect.install()
        REFRESHER.add(run)
        self.run = run
        return run

    # --- context-manager protocols ----------------------------------------------------------------------------
    def __enter__(self) -> Run:
        run = self.open()
        if self._activate:
            self._token = activate(run)
        return run

    def __exit__(
        self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]
    ) -> bool:
        try:
            self._restore()
        finally:
            swallow = False if self._detached else self.finish(exc)
        return swallow

    async def __aenter__(self) -> Run:
        self._claim()
        run = self._adopt(await open_off_loop(self._handshake))  # the HTTP call must not block the event loop
        if self._activate:
            self._token = activate(run)
        return run

    async def __aexit__(
        self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]
    ) -> bool:
        try:
            self._restore()
        finally:
            swallow = False if self._detached else await asyncio.to_thread(self.finish, exc)
        return swallow

    def _restore(self) -> None:
        if self._token is not None:
            token, self._token = self._token, None
            deactivate(token)


def _token_for_other_gateway(urls: GatewayUrls, parent: Run) -> str:
    """The agent token for a run on another gateway than the enclosing run's: that run's lease token is only good on
    its own gateway and is never sent elsewhere, so the run is independent and opens with IRON_TOKEN (an `ic_…`)."""
    try:
        token = agent_token()
    except IronError:
        token = ""
    if not token.startswith("ic_"):
        raise IronError(
            f"budget(gateway_url={redact_url(urls.base)!r}) inside a run on {redact_url(parent.base_url)!r}: a run on "
            "another gateway cannot borrow from the enclosing run's lease (its token is never sent elsewhere). Pass "
            "ic_token=... with an agent token of that gateway, or set IRON_TOKEN to one.",
            code="invalid_configuration",
        )
    return token


def _translate(run: Run, error: Optional[BaseException]) -> Optional[BaseException]:
    """The iron-sdk exception for `error` (an official client's Iron refusal becomes ours), with the run's figures.
    Never raises: a failure here must not replace the agent's own exception."""
    if error is None:
        return None
    try:
        mapped: Union[BaseException, IronError, None] = error if isinstance(error, IronError) else error_from_foreign(error)
    except Exception:  # noqa: BLE001 - a foreign exception we cannot read stays as it is
        return error
    if mapped is None:
        return error
    if isinstance(mapped, BudgetExceededError) and mapped.limit is None:
        try:
            run.fill_budget_error(mapped)
        except Exception:  # noqa: BLE001 - the figures are a nicety
            _log.debug("iron-sdk: could not read lease %s for the error's figures", run.lease_id, exc_info=True)
    return mapped
