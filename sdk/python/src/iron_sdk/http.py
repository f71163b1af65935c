"""Standard-library HTTP to the gateway: JSON requests and streamed responses, errors mapped to iron-sdk exceptions."""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from http.client import HTTPException, HTTPResponse
from typing import Any, Dict, Mapping, Optional
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from ._version import __version__
from .config import redact_url
from .error_mapping import error_from_bytes
from .errors import GatewayUnavailableError, IronError

USER_AGENT = f"iron-sdk-python/{__version__}"
_MAX_ERROR_BODY = 64 * 1024
#: What the standard library raises when the connection fails, times out, breaks off or the answer is not HTTP
#: (`socket.timeout` is TimeoutError, an OSError, from 3.10; IncompleteRead and BadStatusLine are HTTPExceptions).
NETWORK_ERRORS = (OSError, socket.timeout, HTTPException)


@dataclass(frozen=True)
class JsonResponse:
    """A successful JSON answer: status, headers (lower-cased names) and the parsed body."""

    status: int
    headers: Dict[str, str]
    data: Any


def request_json(
    method: str, url: str, *, headers: Optional[Mapping[str, str]] = None, body: Any = None, timeout: float = 30.0
) -> JsonResponse:
    """Sends one request (a JSON body if `body` is not None) and parses the JSON answer; error answers raise."""
    response = open_response(method, url, headers=headers, body=body, timeout=timeout)
    with response:
        try:
            raw = response.read()
        except NETWORK_ERRORS as error:
            raise unavailable(url, error, "broke off its answer") from None
        try:
            data = json.loads(raw.decode("utf-8")) if raw else None
        except ValueError:  # UnicodeDecodeError is a ValueError
            raise IronError(f"The Iron gateway at {_origin(url)} sent a body that is not JSON.", status=response.status) from None
        return JsonResponse(response.status, _lower(response.headers.items()), data)


def open_response(
    method: str, url: str, *, headers: Optional[Mapping[str, str]] = None, body: Any = None, timeout: float = 30.0
) -> HTTPResponse:
    """Sends one request and returns the open 2xx response (the caller reads and closes it); error answers raise."""
    all_headers = {"user-agent": USER_AGENT, "accept": "application/json", **(headers or {})}
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        all_headers["content-type"] = "application/json"
    request = Request(url, data=data, headers=all_headers, method=method)
    try:
        response: HTTPResponse = urlopen(request, timeout=timeout)  # noqa: S310 - the URL is the configured gateway
        return response
    except HTTPError as error:
        with error:
            try:
                raw = error.read(_MAX_ERROR_BODY)
            except NETWORK_ERRORS:
                raw = b""
        raise error_from_bytes(error.code, _lower(error.headers.items()), raw) from None
    except NETWORK_ERRORS as error:  # URLError is an OSError
        raise unavailable(url, error, "is unreachable") from None


def unavailable(url: str, error: BaseException, what: str) -> GatewayUnavailableError:
    """The GatewayUnavailableError for a network failure talking to `url` (the URL's credentials never shown)."""
    cause = getattr(error, "reason", None) or error  # URLError carries the socket's error as `reason`
    reason = str(cause)[:200] or type(cause).__name__
    return GatewayUnavailableError(
        f"The Iron gateway at {_origin(url)} {what} ({reason}). Is it running (npm start), and is IRON_GATEWAY_URL right?",
        code="gateway_unavailable",
    )


def _lower(items: Any) -> Dict[str, str]:
    return {str(k).lower(): str(v) for k, v in items}


def _origin(url: str) -> str:
    """scheme://host[:port] of `url`, without `user:password@`."""
    parts = urlsplit(redact_url(url))
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else "(not a URL)"
