"""iron-sdk: per-run LLM budgets for Python agents, enforced by the Iron Runtime gateway.

    from iron_sdk import protect_agent, BudgetConfig

    @protect_agent(budget=BudgetConfig(max_usd=5.0))
    def agent(task: str) -> str:
        client = openai.OpenAI()          # constructed inside the run: talks to the gateway on the run's lease
        ...

Token from IRON_TOKEN (alias IC_TOKEN), gateway from IRON_GATEWAY_URL. See README.md.
"""

from ._version import __version__
from .async_client import AsyncChatStream, AsyncClient
from .client import ChatStream, Client
from .config import BudgetConfig, GatewayUrls
from .context import current_run
from .decorator import budget, protect_agent
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
from .lease_api import LeaseState
from .run import Run
from .scope import BudgetScope

__all__ = [
    "__version__",
    "AsyncChatStream",
    "AsyncClient",
    "AuthenticationError",
    "BudgetConfig",
    "BudgetExceededError",
    "BudgetScope",
    "ChatStream",
    "Client",
    "GatewayUnavailableError",
    "GatewayUrls",
    "InvalidRequestError",
    "IronError",
    "LeaseState",
    "PermissionDeniedError",
    "RateLimitedError",
    "Run",
    "SafetyBlockedError",
    "UpstreamError",
    "budget",
    "current_run",
    "protect_agent",
]
