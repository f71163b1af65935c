"""`protect_agent` for generator and async-generator functions.

A generator shares its caller's context, so a run set inside it would leak to the caller at every `yield`. These
wrappers open the run's lease when iteration starts, activate the run only around each step (`send`/`throw`/
`close`) and restore the caller's run before handing a value out, and return the lease when the generator ends, is
closed or is garbage-collected.
"""

from __future__ import annotations

import functools
from typing import Any, AsyncGenerator, Callable, Generator, Optional

from .context import activate, deactivate
from .errors import BudgetExceededError
from .run import Run
from .scope import BudgetScope


def protect_generator(fn: Callable[..., Generator[Any, Any, Any]], make_scope: Callable[[], BudgetScope], quiet: bool) -> Callable[..., Any]:
    """A generator function like `fn`, each iteration a protected run."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Generator[Any, Any, Any]:
        try:
            with make_scope() as run:
                return (yield from _drive(fn(*args, **kwargs), run))
        except BudgetExceededError:
            if not quiet:
                raise
        return None

    return wrapper


def _drive(gen: Generator[Any, Any, Any], run: Run) -> Generator[Any, Any, Any]:
    """Yields what `gen` yields, forwarding `send`, `throw` and `close`, with `run` active only inside `gen`."""
    to_send: Any = None
    to_throw: Optional[BaseException] = None
    while True:
        token = activate(run)
        try:
            item = gen.send(to_send) if to_throw is None else gen.throw(to_throw)
        except StopIteration as stop:
            return stop.value
        finally:
            deactivate(token)
        to_send, to_throw = None, None
        try:
            to_send = yield item
        except GeneratorExit:
            token = activate(run)
            try:
                gen.close()
            finally:
                deactivate(token)
            raise
        except BaseException as error:  # noqa: BLE001 - forwarded into the generator, like `yield from`
            to_throw = error


def protect_async_generator(
    fn: Callable[..., AsyncGenerator[Any, Any]], make_scope: Callable[[], BudgetScope], quiet: bool
) -> Callable[..., AsyncGenerator[Any, Any]]:
    """An async-generator function like `fn`, each iteration a protected run (`asend`/`athrow`/`aclose` forwarded)."""

    @functools.wraps(fn)
    async def wrapper(*args: Any, **kwargs: Any) -> AsyncGenerator[Any, Any]:
        try:
            async with make_scope() as run:
                agen = fn(*args, **kwargs)
                to_send: Any = None
                to_throw: Optional[BaseException] = None
                while True:
                    token = activate(run)
                    try:
                        item = await (agen.asend(to_send) if to_throw is None else agen.athrow(to_throw))
                    except StopAsyncIteration:
                        return
                    finally:
                        deactivate(token)
                    to_send, to_throw = None, None
                    try:
                        to_send = yield item
                    except GeneratorExit:
                        await _aclose(agen, run)
                        raise
                    except BaseException as error:  # noqa: BLE001 - forwarded into the generator
                        to_throw = error
        except BudgetExceededError:
            if not quiet:
                raise

    return wrapper


async def _aclose(agen: AsyncGenerator[Any, Any], run: Run) -> None:
    token = activate(run)
    try:
        await agen.aclose()
    finally:
        deactivate(token)
