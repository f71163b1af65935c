"""`await in_context(context, awaitable)`: awaits `awaitable` with its code run in `context` rather than the task's.

The asyncio counterpart of `context.run(gen.send, ...)`: an async generator's steps run in a context of its own,
kept across them, in the same task as its consumer (so cancellation, timeouts and `current_task()` behave as
usual). Each resumption of the awaitable's coroutine is entered through `context.run`; what it waits on (futures)
passes through to the event loop untouched. Works on Python 3.9+ (no `create_task(context=...)` needed).
"""

from __future__ import annotations

import contextvars
from typing import Any, Awaitable, Generator, Generic, Optional, TypeVar

T = TypeVar("T")


class in_context(Generic[T]):  # noqa: N801 - used like a function: `await in_context(context, step)`
    """An awaitable that awaits `awaitable`, running each of its steps inside `context`."""

    __slots__ = ("_context", "_awaitable")

    def __init__(self, context: contextvars.Context, awaitable: Awaitable[T]) -> None:
        self._context = context
        self._awaitable = awaitable

    def __await__(self) -> Generator[Any, Any, T]:
        steps = self._awaitable.__await__()
        run = self._context.run
        to_send: Any = None
        to_throw: Optional[BaseException] = None
        while True:
            try:
                waiting_on = run(steps.send, to_send) if to_throw is None else run(steps.throw, to_throw)
            except StopIteration as stop:
                result: T = stop.value
                return result
            to_send, to_throw = None, None
            try:
                to_send = yield waiting_on
            except GeneratorExit:
                close = getattr(steps, "close", None)
                if close is not None:
                    run(close)
                raise
            except BaseException as error:  # noqa: BLE001 - cancellation and the like, forwarded into the awaitable
                to_throw = error
