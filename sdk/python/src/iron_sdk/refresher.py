"""Keeps the leases of live runs alive: one daemon thread refreshes each open run every `ttl_seconds / 3`.

Why a background timer rather than refreshing on demand: the calls that spend a lease are mostly made by the official
clients, which the SDK does not see, and a run may sit in one long call or tool for longer than its TTL, so only a
timer knows when the expiry nears. A daemon thread works for sync and async runs alike (it never touches an event
loop) and dies with the process, so a crashed process stops refreshing and its lease expires by its TTL, returning
the unspent rest to the parent: the crash case needs no code.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Dict, Optional

from .errors import IronError

if TYPE_CHECKING:
    from .run import Run

_log = logging.getLogger("iron_sdk")


class _Refresher:
    """A schedule of runs to refresh, served by one lazily started daemon thread."""

    def __init__(self) -> None:
        self._due: Dict["Run", float] = {}
        self._changed = threading.Condition()
        self._thread: Optional[threading.Thread] = None

    def add(self, run: "Run") -> None:
        """Starts refreshing `run`."""
        with self._changed:
            self._due[run] = time.monotonic() + interval(run)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="iron-sdk-lease-refresh", daemon=True)
                self._thread.start()
            self._changed.notify()

    def remove(self, run: "Run") -> None:
        """Stops refreshing `run` (before its lease is returned)."""
        with self._changed:
            self._due.pop(run, None)
            self._changed.notify()

    def _loop(self) -> None:
        while True:
            with self._changed:
                now = time.monotonic()
                ready = [run for run, at in self._due.items() if at <= now]
                if not ready:
                    wait = min(self._due.values(), default=now + 60.0) - now
                    self._changed.wait(timeout=max(0.05, wait))
                    continue
                for run in ready:
                    self._due[run] = now + interval(run)
            for run in ready:
                _refresh(run)


_GONE = ("lease_closed", "lease_not_found", "invalid_token")


def _refresh(run: "Run") -> None:
    try:
        run.keep_alive()
    except IronError as error:  # next tick retries; a closed lease fails the run's next call with budget_exceeded
        if run.closed:  # the run ended while this refresh was on its way: nothing to keep alive
            return
        if error.code in _GONE:
            REFRESHER.remove(run)
        _log.warning("iron-sdk: could not refresh lease %s: %s", run.lease_id, error)
    except Exception:  # noqa: BLE001 - the refresher must outlive any one failure
        _log.exception("iron-sdk: unexpected error refreshing lease %s", run.lease_id)


def interval(run: "Run") -> float:
    """Seconds between refreshes: a third of the TTL, so two missed refreshes still leave the lease alive."""
    return max(1.0, run.config.ttl_seconds / 3)


REFRESHER = _Refresher()
