"""A plain function that hands back work still to run: the run spans that work, not just the call.

A coroutine function behind a plain decorator, or a plain function returning a coroutine, generator or async
generator, does its real work after the call returns. `protect_agent` sees a plain function, opens the lease for the
call and, on such a result, keeps the lease open: the result is wrapped so that the run is active while it runs and
its lease is returned when it ends (awaited, exhausted, closed, or garbage-collected without ever being run).
"""

from __future__ import annotations

import asyncio
import inspect
import threading
import weakref
from types import TracebackType
from typing import Any, Awaitable, Optional, Type

from .context import activate, deactivate
from .errors import BudgetExceededError
from .generators import protect_async_generator, protect_generator
from .run import Run
from .scope import BudgetScope


def is_deferred(value: object) -> bool:
    """True for a result whose work is still to run: a coroutine or other awaitable, a generator, an async generator."""
    return inspect.isawaitable(value) or inspect.isgenerator(value) or inspect.isasyncgen(value)


def adopt(result: Any, scope: BudgetScope, quiet: bool) -> Any:
    """`result` made to run in `scope`'s open run, which ends (lease returned) when `result` does."""
    wrapped: Any
    if inspect.isasyncgen(result):
        wrapped = protect_async_generator(lambda: result, lambda: _Resumed(scope, False), quiet)()
    elif inspect.isgenerator(result):
        wrapped = protect_generator(lambda: result, lambda: _Resumed(scope, False), quiet)()
    elif asyncio.isfuture(result):  # a Task or Future keeps its type: the run ends when it is done
        result.add_done_callback(lambda _: threading.Thread(target=scope.finish, args=(None,), name="iron-sdk-lease-return").start())
        wrapped = result
    else:
        wrapped = _await_in_run(result, scope, quiet)
    if wrapped is not result:
        weakref.finalize(wrapped, scope.finish, None)  # never run at all: still return the lease (once; see finish)
    scope.detach()
    return wrapped


async def _await_in_run(awaitable: Awaitable[Any], scope: BudgetScope, quiet: bool) -> Any:
    try:
        async with _Resumed(scope, True):
            return await awaitable
    except BudgetExceededError:
        if not quiet:
            raise
    return None


class _Resumed:
    """The already open run of `scope` as a (sync or async) context manager: optionally active inside, finished at
    the end like `budget(...)` itself (`on_exceeded` applied, the lease returned)."""

    def __init__(self, scope: BudgetScope, activate_run: bool) -> None:
        assert scope.run is not None
        self._scope = scope
        self._run: Run = scope.run
        self._activate = activate_run
        self._token: Any = None

    def __enter__(self) -> Run:
        if self._activate:
            self._token = activate(self._run)
        return self._run

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> bool:
        try:
            if self._token is not None:
                deactivate(self._token)
        finally:
            swallow = self._scope.finish(exc)
        return swallow

    async def __aenter__(self) -> Run:
        return self.__enter__()

    async def __aexit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> bool:
        try:
            if self._token is not None:
                deactivate(self._token)
        finally:
            swallow = await asyncio.to_thread(self._scope.finish, exc)
        return swallow
