"""`protect_agent`: each call of the decorated function is a protected run; and `budget(...)`, its block form."""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable, Optional, TypeVar, Union, cast

from .config import BudgetConfig, OnExceeded
from .deferred import adopt, is_deferred
from .errors import BudgetExceededError
from .generators import protect_async_generator, protect_generator
from .scope import BudgetScope
from .tags import TagsInput

F = TypeVar("F", bound=Callable[..., Any])


def budget(
    max_usd: Union[float, BudgetConfig, None] = None,
    *,
    ttl_seconds: int = 900,
    on_exceeded: OnExceeded = "raise",
    ic_token: Optional[str] = None,
    gateway_url: Optional[str] = None,
    tags: TagsInput = None,
) -> BudgetScope:
    """A protected run around a block: `with iron_sdk.budget(5.0) as run:` or `async with ...`.

    `max_usd` is a number or a whole `BudgetConfig`. Token and gateway default to the enclosing run's (a nested
    run), else IRON_TOKEN / IRON_GATEWAY_URL.
    """
    config = max_usd if isinstance(max_usd, BudgetConfig) else BudgetConfig(cast(float, max_usd), ttl_seconds, on_exceeded)
    return BudgetScope(config, ic_token=ic_token, gateway_url=gateway_url, tags=tags)


def protect_agent(
    budget: Union[BudgetConfig, float],
    *,
    ic_token: Optional[str] = None,
    gateway_url: Optional[str] = None,
    tags: TagsInput = None,
) -> Callable[[F], F]:
    """Makes every call of the decorated agent function a protected run of `budget.max_usd` at most.

    Works on plain, async, generator and async-generator functions, and on callables whose `__call__` is one. A
    plain function that returns a coroutine, generator or async generator (say, an async function behind a plain
    decorator) has its run span that result's execution. Inside, `iron_sdk.current_run()` is the run,
    `openai`/`anthropic` clients constructed there talk to the gateway on the run's lease, and `iron_sdk.Client`
    spends from it. A call that would overspend raises BudgetExceededError (or, with `on_exceeded="return_none"`, the
    function returns None; a generator just stops) — also when the lease itself is refused because the budget above
    has nothing left, in which case the function's body never runs.
    """
    config = budget if isinstance(budget, BudgetConfig) else BudgetConfig(budget)
    quiet = config.on_exceeded == "return_none"

    def scope(activate_run: bool = True) -> BudgetScope:
        return BudgetScope(config, ic_token=ic_token, gateway_url=gateway_url, tags=tags, activate_run=activate_run)

    def decorate(fn: F) -> F:
        kind = function_kind(fn)
        if kind == "async_generator":
            return cast(F, protect_async_generator(fn, lambda: scope(activate_run=False), quiet))
        if kind == "generator":
            return cast(F, protect_generator(fn, lambda: scope(activate_run=False), quiet))
        if kind == "coroutine":

            @functools.wraps(fn)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                try:
                    async with scope():
                        return await fn(*args, **kwargs)
                except BudgetExceededError:
                    if not quiet:
                        raise
                return None

            return cast(F, async_wrapper)

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            run_scope = scope()
            try:
                with run_scope:
                    result = fn(*args, **kwargs)
                    return adopt(result, run_scope, quiet) if is_deferred(result) else result
            except BudgetExceededError:
                if not quiet:
                    raise
            return None

        return cast(F, wrapper)

    return decorate


def function_kind(fn: Callable[..., Any]) -> str:
    """What calling `fn` runs: "async_generator", "generator", "coroutine" or "plain", read from `fn` itself or, for a
    callable object, from its `__call__`. Only what is certain: a plain function that returns a coroutine is "plain"
    (its result is handled when it comes back, see `deferred`)."""
    target: Any = fn
    if not (inspect.isroutine(fn) or isinstance(fn, (type, functools.partial))):
        target = getattr(fn, "__call__", fn)  # noqa: B004 - the bound __call__ of a callable object
    if inspect.isasyncgenfunction(target):
        return "async_generator"
    if inspect.iscoroutinefunction(target):
        return "coroutine"
    if inspect.isgeneratorfunction(target):
        return "generator"
    return "plain"
