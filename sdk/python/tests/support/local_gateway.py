"""A throwaway HTTP server on 127.0.0.1 that plays the gateway's lease protocol, for what the live gateway cannot be
made to do on demand: answer the return of a lease with garbage, answer a handshake slowly, or stand for another
gateway than the run's. It records every request (method, path, Authorization) so tests can see which token went
where."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Dict, List, Optional, Tuple, Type

#: How `/budget/return` is answered: "ok", or a failure mode.
RETURN_MODES = ("not_http", "truncated", "not_json", "bad_amount", "slow_body", "hang_up")


def lease_json(lease_id: str, state: str = "open", **extra: Any) -> Dict[str, Any]:
    return {
        "lease_id": lease_id, "state": state, "granted_usd": "1.000000", "spent_usd": "0.000000", "reserved_usd": "0.000000",
        "remaining_usd": "1.000000" if state == "open" else "0.000000", "agent_remaining_usd": "0.000000",
        "expires_at": "2099-01-01T00:00:00Z", **extra,
    }


class LocalGateway:
    """`with LocalGateway(return_mode="truncated", handshake_delay=0.3) as gw:` … `gw.url`, `gw.requests`."""

    def __init__(self, *, return_mode: str = "ok", handshake_delay: float = 0.0, slow_seconds: float = 3.0) -> None:
        self.return_mode = return_mode
        self.handshake_delay = handshake_delay
        self.slow_seconds = slow_seconds
        self.requests: List[Tuple[str, str, str]] = []
        self.lease_tokens: List[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def saw(self, path_end: str) -> List[str]:
        """The Authorization headers of the requests whose path ends with `path_end`."""
        return [auth for _, path, auth in self.requests if path.endswith(path_end)]

    def wait_for(self, path_end: str, timeout: float = 10.0) -> List[str]:
        deadline = time.monotonic() + timeout
        while not self.saw(path_end) and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.saw(path_end)

    def __enter__(self) -> "LocalGateway":
        self._thread.start()
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(gateway: LocalGateway) -> Type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._serve()

        def do_POST(self) -> None:  # noqa: N802
            self._serve()

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            if length:
                self.rfile.read(length)
            gateway.requests.append((self.command, self.path, self.headers.get("authorization") or ""))
            if self.path.endswith("/budget/handshake"):
                time.sleep(gateway.handshake_delay)
                token = f"icl_local_{len(gateway.lease_tokens)}_{id(gateway)}"
                gateway.lease_tokens.append(token)
                self._json(201, {**lease_json(f"lse_local_{len(gateway.lease_tokens)}"), "lease_token": token})
            elif self.path.endswith("/budget/return"):
                self._return()
            else:
                self._json(200, lease_json("lse_local"))

        def _return(self) -> None:
            mode = gateway.return_mode
            if mode == "ok":
                self._json(200, lease_json("lse_local", "returned", returned_usd="1.000000"))
            elif mode == "not_http":
                self.wfile.write(b"garbage, not an HTTP answer\r\n\r\n")
                self.close_connection = True
            elif mode == "truncated":
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", "500")
                self.end_headers()
                self.wfile.write(b'{"lease_id": "lse_')
                self.close_connection = True
            elif mode == "not_json":
                self._raw(200, b"<html>proxy error</html>")
            elif mode == "bad_amount":
                self._json(200, lease_json("lse_local", "returned", returned_usd="lots"))
            elif mode == "slow_body":
                self.send_response(200)
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.flush()
                time.sleep(gateway.slow_seconds)
                self.wfile.write(b"{}")
            elif mode == "hang_up":
                self.close_connection = True

        def _json(self, status: int, body: Any) -> None:
            self._raw(status, json.dumps(body).encode())

        def _raw(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler
