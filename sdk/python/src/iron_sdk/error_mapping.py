"""Gateway answers → iron-sdk exceptions, by the gateway's stable error codes.

Three sources share one table: gateway errors (`{"error":{"code":"budget_exceeded",...}}`, OpenAI shape, or
`{"type":"error","error":{...}}`, Anthropic shape), control-API errors of the lease protocol
(`{"error":{"code":"BUDGET_EXCEEDED",...}}`), and exceptions of the official `openai`/`anthropic` clients that carry
such a body (translated at the boundary of a protected run).
"""

from __future__ import annotations

import json
import re
from typing import Any, Mapping, Optional, Tuple, Type

from .errors import (
    AuthenticationError,
    BudgetExceededError,
    GatewayUnavailableError,
    InvalidRequestError,
    IronError,
    PermissionDeniedError,
    RateLimitedError,
    SafetyBlockedError,
    UpstreamError,
)
from .money import micros_to_usd, optional_micros

_CLASSES: Mapping[str, Type[IronError]] = {
    "invalid_agent_token": AuthenticationError,
    "invalid_token": AuthenticationError,
    "budget_exceeded": BudgetExceededError,
    "lease_closed": BudgetExceededError,
    "rate_limited": RateLimitedError,
    "safety_blocked": SafetyBlockedError,
    "agent_suspended": PermissionDeniedError,
    "model_not_allowed": PermissionDeniedError,
    "model_not_priced": InvalidRequestError,
    "invalid_request": InvalidRequestError,
    "payload_too_large": InvalidRequestError,
    "unsupported_media_type": InvalidRequestError,
    "not_found": InvalidRequestError,
    "validation_error": InvalidRequestError,
    "upstream_error": UpstreamError,
    "upstream_timeout": UpstreamError,
    "service_misconfigured": GatewayUnavailableError,
}

_CATEGORIES = re.compile(r"\b(secrets|pii|injection)\b")


def known_code(code: Optional[str]) -> bool:
    """True for the stable codes this module maps to a specific exception."""
    return code is not None and code.lower() in _CLASSES


def body_error(body: Any) -> Tuple[Optional[str], Optional[str]]:
    """(code, message) of an error body in any of the shapes, lower-cased code; (None, None) if it is not one."""
    if not isinstance(body, Mapping):
        return None, None
    inner = body.get("error", body)
    if not isinstance(inner, Mapping):
        return None, None
    code, message = inner.get("code"), inner.get("message")
    return (code.lower() if isinstance(code, str) else None), (message if isinstance(message, str) else None)


def error_from_body(status: Optional[int], headers: Mapping[str, str], body: Any, *, fallback: str) -> IronError:
    """The exception for an error answer; `fallback` is the message when the body has none."""
    code, message = body_error(body)
    text = message or fallback
    request_id = _header(headers, "x-request-id")
    cls = _CLASSES.get(code or "") or _class_by_status(status)
    if cls is BudgetExceededError:
        remaining = optional_micros(_header(headers, "x-iron-lease-remaining-usd") or _header(headers, "x-iron-budget-remaining-usd"))
        return BudgetExceededError(
            text, remaining=None if remaining is None else micros_to_usd(remaining), code=code or "budget_exceeded", status=status, request_id=request_id
        )
    if cls is RateLimitedError:
        return RateLimitedError(text, retry_after=_seconds(_header(headers, "retry-after")), code=code or "rate_limited", status=status, request_id=request_id)
    if cls is SafetyBlockedError:
        # The gateway names the categories in `x-iron-safety-categories`; a stream's error event has only the message.
        listed = _header(headers, "x-iron-safety-categories")
        found = [c.strip() for c in listed.split(",") if c.strip()] if listed else _CATEGORIES.findall(text)
        categories = tuple(sorted(set(found)))
        return SafetyBlockedError(text, categories=categories, code=code, status=status, request_id=request_id)
    return cls(text, code=code, status=status, request_id=request_id)


def error_from_bytes(status: int, headers: Mapping[str, str], raw: bytes) -> IronError:
    """The exception for an HTTP error answer whose body may or may not be JSON."""
    try:
        body: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        body = None
    return error_from_body(status, headers, body, fallback=f"The Iron gateway answered HTTP {status}.")


def error_from_foreign(exc: BaseException) -> Optional[IronError]:
    """An official client's exception (openai/anthropic `APIStatusError`) carrying an Iron code → ours; else None.

    Duck-typed on what both SDKs document: `status_code`, `body` (the parsed JSON error) and `response.headers`.
    """
    status = getattr(exc, "status_code", None)
    body = getattr(exc, "body", None)
    if not isinstance(status, int):
        return None
    code, _ = body_error(body)  # openai passes the inner `error` object as `body`, anthropic the whole body
    if not known_code(code):
        return None
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    return error_from_body(status, headers if isinstance(headers, Mapping) else {}, body, fallback=str(exc))


def _class_by_status(status: Optional[int]) -> Type[IronError]:
    if status == 401:
        return AuthenticationError
    if status == 403:
        return PermissionDeniedError
    if status == 429:
        return RateLimitedError
    if status in (502, 504):
        return UpstreamError
    if status == 503:
        return GatewayUnavailableError
    if status is not None and 400 <= status < 500:
        return InvalidRequestError
    return IronError


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    value = headers.get(name)
    if value is None:  # plain dicts are case-sensitive; http.client's and httpx's headers are not
        value = next((v for k, v in headers.items() if k.lower() == name), None)
    return value


def _seconds(value: Optional[str]) -> Optional[float]:
    try:
        return None if value is None else float(value)
    except ValueError:
        return None
