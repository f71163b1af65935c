"""What a protected run is configured with: `BudgetConfig`, and the token and gateway taken from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal, Optional
from urllib.parse import urlsplit, urlunsplit

from .errors import IronError

OnExceeded = Literal["raise", "return_none"]

#: The gateway `npm start` runs locally; used when neither an argument nor IRON_GATEWAY_URL names one.
DEFAULT_GATEWAY_URL = "http://127.0.0.1:8787"
NOT_A_URL = "<not a URL>"


@dataclass(frozen=True)
class BudgetConfig:
    """The budget of one protected run.

    max_usd: the most the run may spend (a lease of this amount; less if the agent has less left).
    ttl_seconds: the lease's lifetime between refreshes (10 s to 24 h). A live run refreshes it in the background;
        a crashed process's lease expires after this long and its unspent rest flows back.
    on_exceeded: "raise" (BudgetExceededError leaves the run) or "return_none" (the run ends and returns None).
    """

    max_usd: float
    ttl_seconds: int = 900
    on_exceeded: OnExceeded = "raise"

    def __post_init__(self) -> None:
        if isinstance(self.max_usd, bool) or not isinstance(self.max_usd, (int, float)) or not self.max_usd > 0:
            raise ValueError(f"BudgetConfig.max_usd must be a positive number of USD, not {self.max_usd!r}")
        if self.max_usd > 1_000_000:
            raise ValueError("BudgetConfig.max_usd is at most 1,000,000 USD")
        if isinstance(self.ttl_seconds, bool) or not isinstance(self.ttl_seconds, int) or not 10 <= self.ttl_seconds <= 86_400:
            raise ValueError(f"BudgetConfig.ttl_seconds must be an integer from 10 to 86400, not {self.ttl_seconds!r}")
        if self.on_exceeded not in ("raise", "return_none"):
            raise ValueError(f"BudgetConfig.on_exceeded must be 'raise' or 'return_none', not {self.on_exceeded!r}")


@dataclass(frozen=True)
class GatewayUrls:
    """The gateway's addresses, derived from its base (scheme://host[:port], no path)."""

    base: str

    @property
    def openai(self) -> str:
        """Base URL for OpenAI-shaped clients (they append `/chat/completions`)."""
        return f"{self.base}/v1"

    @property
    def anthropic(self) -> str:
        """Base URL for Anthropic-shaped clients (they append `/v1/messages`)."""
        return self.base

    @property
    def control(self) -> str:
        """The control API, where the lease protocol lives."""
        return f"{self.base}/api/v1"

    def same_gateway(self, other: "GatewayUrls") -> bool:
        """True when both name the same gateway (scheme, host and port compared case-insensitively, then the path)."""
        a, b = urlsplit(self.base), urlsplit(other.base)
        return (a.scheme.lower(), a.netloc.lower(), a.path) == (b.scheme.lower(), b.netloc.lower(), b.path)

    def __repr__(self) -> str:
        return f"GatewayUrls(base={redact_url(self.base)!r})"


def redact_url(url: str) -> str:
    """`url` fit for a message: no `user:password@`, query or fragment (where credentials hide); a value that is not
    a URL at all (say, a token pasted into the wrong variable) is not echoed."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return NOT_A_URL
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def gateway_urls(explicit: Optional[str] = None) -> GatewayUrls:
    """The gateway from `explicit`, else IRON_GATEWAY_URL, else the local default.

    Accepts the base (`http://127.0.0.1:8787`) or the OpenAI-style base ending in `/v1` (as `.iron/demo.env` writes
    it), with or without a trailing slash.
    """
    raw = (explicit or os.environ.get("IRON_GATEWAY_URL") or DEFAULT_GATEWAY_URL).strip()
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        shown = redact_url(raw)
        got = f", not {shown!r}" if shown != NOT_A_URL else " (with scheme://); the value set is not a URL"
        raise IronError(f"IRON_GATEWAY_URL must be an http(s) URL such as {DEFAULT_GATEWAY_URL}{got}", code="invalid_configuration")
    if "@" in parts.netloc:
        raise IronError(
            f"IRON_GATEWAY_URL must not carry credentials (user:password@): the gateway authenticates with the Iron token. "
            f"Use {redact_url(raw)!r}.",
            code="invalid_configuration",
        )
    path = parts.path.rstrip("/")
    if path.endswith("/v1"):
        path = path[: -len("/v1")]
    return GatewayUrls(base=f"{parts.scheme}://{parts.netloc}{path}")


def agent_token(explicit: Optional[str] = None) -> str:
    """The agent token (`ic_…`) or a lease token (`icl_…`) from `explicit`, else IRON_TOKEN, else IC_TOKEN."""
    token = (explicit or os.environ.get("IRON_TOKEN") or os.environ.get("IC_TOKEN") or "").strip()
    if token == "":
        raise IronError(
            "No Iron token: pass ic_token=... or set IRON_TOKEN (alias IC_TOKEN) to the agent token (ic_...) an admin issued.",
            code="invalid_configuration",
        )
    return token


def is_iron_token(value: object) -> bool:
    """True for an Iron agent token (`ic_…`) or lease token (`icl_…`): the only keys ever sent to the gateway."""
    return isinstance(value, str) and value.startswith(("ic_", "icl_"))
