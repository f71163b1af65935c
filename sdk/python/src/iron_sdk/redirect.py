"""Points the official `openai` and `anthropic` clients constructed inside a run at the gateway, on the run's lease.

Their documented settings are constructor arguments whose defaults come from process-wide environment variables
(`OPENAI_BASE_URL`/`OPENAI_API_KEY`, `ANTHROPIC_BASE_URL`/`ANTHROPIC_API_KEY`). Setting those on `os.environ` per
run would leak between threads and tasks, so instead the client classes' `__init__` is wrapped once: while a run is
active (a `ContextVar`), the defaults come from the run; arguments the caller passes still win. A client constructed
outside any run is constructed exactly as without iron-sdk.

Inside a run, for a client given no `base_url` (or the gateway's): `base_url` = the gateway, `api_key` = the lease
token unless an Iron token (`ic_…`/`icl_…`) was given, and `default_headers` gain `x-iron-lease` (so even an explicit
agent token spends from the lease) and `x-iron-tags`. A provider key given explicitly (`sk-…`) is replaced, never
sent to the gateway (which would refuse it anyway). A client given a `base_url` of another host (e.g. Azure) is left
alone: the lease token never leaves for a third party.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from types import ModuleType
from typing import Any, Callable, Dict, Mapping, Tuple
from urllib.parse import urlsplit

from .config import is_iron_token
from .context import current_run
from .import_hook import on_import

#: module → (vendor, client classes). Both SDKs construct with keyword arguments only.
TARGETS: Mapping[str, Tuple[str, Tuple[str, ...]]] = {
    "openai": ("openai", ("OpenAI", "AsyncOpenAI")),
    "anthropic": ("anthropic", ("Anthropic", "AsyncAnthropic")),
}
_MARK = "__iron_sdk_patched__"
_lock = threading.Lock()
_installed = False


def install() -> None:
    """Patches the client classes once: now if their modules are imported, else as soon as they are."""
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True
    for name in TARGETS:
        module = sys.modules.get(name)
        if module is not None:
            patch_module(module)
        else:
            on_import(name, patch_module)


def patch_module(module: ModuleType) -> None:
    """Wraps `__init__` of the module's client classes (idempotent)."""
    vendor, class_names = TARGETS[module.__name__]
    for class_name in class_names:
        cls = getattr(module, class_name, None)
        init = getattr(cls, "__init__", None)
        if isinstance(cls, type) and init is not None and not getattr(init, _MARK, False):
            setattr(cls, "__init__", _wrap_init(init, vendor))  # noqa: B010 - mypy refuses assigning __init__


def _wrap_init(original: Callable[..., None], vendor: str) -> Callable[..., None]:
    @functools.wraps(original)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        run = current_run()
        if run is not None:
            kwargs = run_defaults(vendor, kwargs)
        original(self, *args, **kwargs)

    setattr(__init__, _MARK, True)
    return __init__


def run_defaults(vendor: str, kwargs: Dict[str, Any]) -> Dict[str, Any]:
    """The constructor arguments of a `vendor` client constructed in the active run (unchanged outside a run)."""
    run = current_run()
    if run is None:
        return kwargs
    out = dict(kwargs)
    if out.get("base_url") is None:
        out["base_url"] = run.openai_base_url if vendor == "openai" else run.anthropic_base_url
    elif not same_origin(str(out["base_url"]), run.base_url):
        return kwargs
    if not is_iron_token(out.get("api_key")):  # none, or a provider's key: that must not go to the gateway
        out["api_key"] = run.api_key
    if vendor == "anthropic":  # it sends `auth_token` (argument, else ANTHROPIC_AUTH_TOKEN) as Authorization: Bearer
        explicit = out.get("auth_token")
        if (explicit is not None and not is_iron_token(explicit)) or (explicit is None and os.environ.get("ANTHROPIC_AUTH_TOKEN")):
            out["auth_token"] = run.api_key
    out["default_headers"] = {**dict(out.get("default_headers") or {}), **run.headers()}
    return out


def same_origin(url: str, base: str) -> bool:
    """True when `url` is on the gateway's scheme, host and port."""
    a, b = urlsplit(url), urlsplit(base)
    return (a.scheme, a.netloc.lower()) == (b.scheme, b.netloc.lower())
