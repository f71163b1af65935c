"""The lease protocol of the gateway (`/api/v1/budget/...`, PRODUCT.md §4), one function per call.

Every call authenticates with a token in `Authorization: Bearer`: the agent token (or a parent lease token, for a
nested lease) for the handshake, the lease token for the rest. Tokens never go into URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple

from .config import GatewayUrls
from .errors import IronError
from .http import request_json
from .money import micros_to_usd, usd_to_micros

TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class LeaseState:
    """A lease as the gateway reports it, in micro-dollars (`remaining` = what it can still spend)."""

    lease_id: str
    state: str
    granted_micros: int
    spent_micros: int
    reserved_micros: int
    remaining_micros: int
    agent_remaining_micros: int
    expires_at: str

    @property
    def granted_usd(self) -> float:
        """USD the lease was granted."""
        return micros_to_usd(self.granted_micros)

    @property
    def spent_usd(self) -> float:
        """USD spent on the lease (nested leases included)."""
        return micros_to_usd(self.spent_micros)

    @property
    def remaining_usd(self) -> float:
        """USD the lease can still spend."""
        return micros_to_usd(self.remaining_micros)

    @classmethod
    def from_json(cls, data: Any) -> "LeaseState":
        """Parses the gateway's `BudgetLease` JSON."""
        if not isinstance(data, dict):
            raise IronError("The Iron gateway sent a lease answer that is not an object.")
        try:
            return cls(
                lease_id=str(data["lease_id"]),
                state=str(data["state"]),
                granted_micros=usd_to_micros(data["granted_usd"]),
                spent_micros=usd_to_micros(data["spent_usd"]),
                reserved_micros=usd_to_micros(data["reserved_usd"]),
                remaining_micros=usd_to_micros(data["remaining_usd"]),
                agent_remaining_micros=usd_to_micros(data["agent_remaining_usd"]),
                expires_at=str(data["expires_at"]),
            )
        except (KeyError, ValueError, TypeError) as error:
            raise IronError(f"The Iron gateway sent a lease answer without a valid {error}.") from None


def _auth(token: str) -> Dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def handshake(urls: GatewayUrls, token: str, requested_micros: int, ttl_seconds: int) -> Tuple[LeaseState, str]:
    """Opens a lease of up to `requested_micros` from the token's budget (an agent's, or a parent lease's).

    Returns the lease and its token (`icl_…`, shown only here). Grants less when the parent is short.
    """
    body = {"requested_usd": micros_to_usd(requested_micros), "ttl_seconds": ttl_seconds}
    answer = request_json("POST", f"{urls.control}/budget/handshake", headers=_auth(token), body=body, timeout=TIMEOUT_SECONDS)
    token_out = answer.data.get("lease_token") if isinstance(answer.data, dict) else None
    if not isinstance(token_out, str):
        raise IronError("The Iron gateway opened a lease but sent no lease token.")
    return LeaseState.from_json(answer.data), token_out


def refresh(urls: GatewayUrls, lease_token: str, add_micros: int = 0, ttl_seconds: Optional[int] = None) -> LeaseState:
    """Adds up to `add_micros` to the lease and/or moves its expiry `ttl_seconds` from now."""
    body: Dict[str, Any] = {"requested_usd": micros_to_usd(add_micros)}
    if ttl_seconds is not None:
        body["ttl_seconds"] = ttl_seconds
    answer = request_json("POST", f"{urls.control}/budget/refresh", headers=_auth(lease_token), body=body, timeout=TIMEOUT_SECONDS)
    return LeaseState.from_json(answer.data)


def return_lease(urls: GatewayUrls, lease_token: str) -> Tuple[LeaseState, int]:
    """Closes the lease (and its nested leases); returns its final state and the micro-dollars given back."""
    answer = request_json("POST", f"{urls.control}/budget/return", headers=_auth(lease_token), body={}, timeout=TIMEOUT_SECONDS)
    state = LeaseState.from_json(answer.data)
    try:
        returned = usd_to_micros(answer.data.get("returned_usd", "0"))
    except ValueError:
        raise IronError("The Iron gateway sent a lease answer without a valid 'returned_usd'.") from None
    return state, returned


def get_lease(urls: GatewayUrls, lease_token: str) -> LeaseState:
    """The lease as it stands now (also after it was returned or expired)."""
    answer = request_json("GET", f"{urls.control}/budget/lease", headers=_auth(lease_token), timeout=TIMEOUT_SECONDS)
    return LeaseState.from_json(answer.data)
