"""Which run is active: one `ContextVar`, so threads and asyncio tasks each see their own run.

A new thread starts with no run (wrap a function with `Run.wrap` to carry one over); an asyncio task starts with
the run that was active where it was created (asyncio copies the context), and `asyncio.to_thread` carries it too.
"""

from __future__ import annotations

from contextvars import ContextVar, Token
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .run import Run

_CURRENT: "ContextVar[Optional[Run]]" = ContextVar("iron_sdk_current_run", default=None)


def current_run() -> "Optional[Run]":
    """The protected run active in this thread or task, or None outside any run.

    Any LLM client can read its settings: `run.openai_base_url`, `run.anthropic_base_url`, `run.api_key` (the lease
    token) and `run.headers()`.
    """
    return _CURRENT.get()


def activate(run: "Optional[Run]") -> "Token[Optional[Run]]":
    """Makes `run` the active one in the current context; undo with `deactivate(token)` in the same context."""
    return _CURRENT.set(run)


def deactivate(token: "Token[Optional[Run]]") -> None:
    """Restores the run that was active before the matching `activate`."""
    _CURRENT.reset(token)
