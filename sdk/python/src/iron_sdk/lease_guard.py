"""No lease is lost: opening one off the event loop survives the task's cancellation, and returning one never raises.

A handshake is a blocking HTTP call, so async runs make it in a worker thread. If the awaiting task is cancelled
meanwhile (`asyncio.wait_for`, a `TaskGroup` failing, Ctrl-C), the thread still finishes and the gateway still
opens the lease, but nobody would ever return it. `open_off_loop` shields the thread's result and, when it is
cancelled, hands the lease to a callback that returns it as soon as the handshake completes.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import functools
import logging
import threading
from typing import Callable

from .run import Run

_log = logging.getLogger("iron_sdk")


async def open_off_loop(handshake: Callable[[], Run]) -> Run:
    """`handshake()` in a worker thread (with the caller's context); a cancelled caller's lease is returned."""
    done: "concurrent.futures.Future[Run]" = concurrent.futures.Future()
    context = contextvars.copy_context()

    def work() -> None:
        if not done.set_running_or_notify_cancel():
            return
        try:
            run = context.run(handshake)
        except BaseException as error:  # noqa: BLE001 - handed to the awaiting task
            done.set_exception(error)
        else:
            done.set_result(run)

    # Not a daemon: the interpreter waits for it at exit, so a lease opened for a cancelled task is still returned.
    threading.Thread(target=work, name="iron-sdk-handshake").start()
    try:
        return await asyncio.shield(asyncio.wrap_future(done))
    except asyncio.CancelledError:
        done.add_done_callback(functools.partial(_return_abandoned, threading.current_thread()))
        raise


def _return_abandoned(loop_thread: threading.Thread, done: "concurrent.futures.Future[Run]") -> None:
    """Returns the lease of a handshake whose task was cancelled (it was never registered nor made active)."""
    if done.cancelled() or done.exception() is not None:
        return
    run = done.result()
    if threading.current_thread() is loop_thread:  # already done when cancelled: do not block the event loop
        threading.Thread(target=return_quietly, args=(run,), name="iron-sdk-lease-return").start()
    else:
        return_quietly(run)


def return_quietly(run: Run) -> None:
    """Returns the run's lease; a failure is logged, never raised (the lease is not lost: it expires by its TTL and
    the gateway gives the rest back then), so it can never replace the agent's own exception."""
    try:
        run.close()
    except Exception as failure:  # noqa: BLE001 - see the docstring
        _log.warning(
            "iron-sdk: could not return lease %s (%s); it expires by its TTL (%s s) and the rest flows back then",
            run.lease_id, failure, run.config.ttl_seconds,
        )
