"""`protect_agent` for generator and async-generator functions.

A generator shares its caller's context, so a run set inside it would leak to the caller at every `yield`. These
wrappers open the run's lease when iteration starts and run every step of the generator (`send`/`throw`/`close`) in
a `contextvars.Context` of its own, kept across its steps: the run is active inside the generator, never in the
caller between steps, and whatever the generator's own code sets (a nested `budget()` spanning a `yield`, any
ContextVar) is still there at its next step. The lease is returned when the generator ends, is closed or is
garbage-collected.
"""

from __future__ import annotations

import contextvars
import functools
from typing import Any, AsyncContextManager, AsyncGenerator, Awaitable, Callable, ContextManager, Generator, Optional

from .context import activate
from .errors import BudgetExceededError
from .run import Run
from .stepping import in_context


def protect_generator(
    fn: Callable[..., Generator[Any, Any, Any]], make_scope: Callable[[], ContextManager[Run]], quiet: bool
) -> Callable[..., Generator[Any, Any, Any]]:
    """A generator function like `fn`, each iteration a protected run (`make_scope` must not activate the run)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Generator[Any, Any, Any]:
        try:
            with make_scope() as run:
                return (yield from _drive(fn(*args, **kwargs), _context_with(run)))
        except BudgetExceededError:
            if not quiet:
                raise
        return None

    return wrapper


def _context_with(run: Run) -> contextvars.Context:
    """A copy of the current context with `run` active: where every step of one generator runs."""
    context = contextvars.copy_context()
    context.run(activate, run)
    return context


def _drive(gen: Generator[Any, Any, Any], context: contextvars.Context) -> Generator[Any, Any, Any]:
    """Yields what `gen` yields, forwarding `send`, `throw` and `close`, each step of `gen` run in `context`."""
    to_send: Any = None
    to_throw: Optional[BaseException] = None
    while True:
        try:
            item = context.run(gen.send, to_send) if to_throw is None else context.run(gen.throw, to_throw)
        except StopIteration as stop:
            return stop.value
        to_send, to_throw = None, None
        try:
            to_send = yield item
        except GeneratorExit:
            context.run(gen.close)
            raise
        except BaseException as error:  # noqa: BLE001 - forwarded into the generator, like `yield from`
            to_throw = error


def protect_async_generator(
    fn: Callable[..., AsyncGenerator[Any, Any]], make_scope: Callable[[], AsyncContextManager[Run]], quiet: bool
) -> Callable[..., AsyncGenerator[Any, Any]]:
    """An async-generator function like `fn`, each iteration a protected run (`asend`/`athrow`/`aclose` forwarded,
    each step run in the generator's own context; `make_scope` must not activate the run)."""

    @functools.wraps(fn)
    async def wrapper(*args: Any, **kwargs: Any) -> AsyncGenerator[Any, Any]:
        try:
            async with make_scope() as run:
                agen = fn(*args, **kwargs)
                context = _context_with(run)
                to_send: Any = None
                to_throw: Optional[BaseException] = None
                while True:
                    step: Awaitable[Any] = agen.asend(to_send) if to_throw is None else agen.athrow(to_throw)
                    try:
                        item = await in_context(context, step)
                    except StopAsyncIteration:
                        return
                    to_send, to_throw = None, None
                    try:
                        to_send = yield item
                    except GeneratorExit:
                        await in_context(context, agen.aclose())
                        raise
                    except BaseException as error:  # noqa: BLE001 - forwarded into the generator
                        to_throw = error
        except BudgetExceededError:
            if not quiet:
                raise

    return wrapper
