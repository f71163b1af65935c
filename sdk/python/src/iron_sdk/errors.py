"""The exceptions of iron-sdk: one family under `IronError`, each carrying the gateway's stable error code.

Messages are written for the agent's author and never contain a token or a provider key.
"""

from __future__ import annotations

from typing import Optional, Tuple


class IronError(Exception):
    """Base of every error iron-sdk raises.

    `code` is the gateway's stable code (`budget_exceeded`, `rate_limited`, `safety_blocked`, `invalid_agent_token`,
    ... or a control-API code such as `lease_depth_exceeded`, lower-cased), `status` the HTTP status when there was an
    answer, `request_id` the gateway's `x-request-id` for looking the call up in the audit log.
    """

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        status: Optional[int] = None,
        request_id: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.request_id = request_id

    def __str__(self) -> str:
        return self.message


class AuthenticationError(IronError):
    """The agent or lease token was refused: missing, mistyped, revoked or replaced."""


class BudgetExceededError(IronError):
    """The run's lease (or the agent's budget) cannot pay for the call.

    `spent`, `remaining` and `limit` are USD of the run's lease when raised inside a run (`limit` = what the lease
    was granted); outside a run `remaining` is the agent's budget left and the others are None.
    """

    def __init__(
        self,
        message: str,
        *,
        spent: Optional[float] = None,
        remaining: Optional[float] = None,
        limit: Optional[float] = None,
        code: Optional[str] = "budget_exceeded",
        status: Optional[int] = None,
        request_id: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code, status=status, request_id=request_id)
        self.spent = spent
        self.remaining = remaining
        self.limit = limit


class RateLimitedError(IronError):
    """A rate limit of the agent (requests, tokens or concurrency per minute) was reached; retry after `retry_after` s."""

    def __init__(
        self,
        message: str,
        *,
        retry_after: Optional[float] = None,
        code: Optional[str] = "rate_limited",
        status: Optional[int] = None,
        request_id: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code, status=status, request_id=request_id)
        self.retry_after = retry_after


class SafetyBlockedError(IronError):
    """The safety policy blocked the call (input) or stopped the answer (output); `categories` names what was found."""

    def __init__(
        self,
        message: str,
        *,
        categories: Tuple[str, ...] = (),
        code: Optional[str] = "safety_blocked",
        status: Optional[int] = None,
        request_id: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code, status=status, request_id=request_id)
        self.categories = categories


class GatewayUnavailableError(IronError):
    """The gateway could not be reached, timed out, or is not configured to serve (503)."""


class UpstreamError(IronError):
    """The gateway was reached but the LLM provider behind it failed or timed out (502/504)."""


class PermissionDeniedError(IronError):
    """The agent may not do this: a model it is not allowed, or the agent is suspended."""


class InvalidRequestError(IronError):
    """The gateway refused the request itself: bad body, unknown or unpriced model, too large, no such route."""
