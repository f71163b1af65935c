"""`iron_sdk.Client`: a small standard-library client for chat completions (OpenAI shape), streaming and not.

Where it sends is decided at each call: inside a protected run, to the run's gateway on the run's lease (even for a
client constructed outside the run, so no call of a run escapes its budget); outside, with IRON_TOKEN to
IRON_GATEWAY_URL. `api_key` / `base_url` given to the constructor are used instead; a `base_url` on another host
than the run's gateway is never sent the run's lease, and inside a run an `api_key` that is not an Iron token (say, a
provider's `sk-…`) is never sent to the gateway: the run's lease token is used instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from http.client import HTTPResponse
from types import TracebackType
from typing import Any, Dict, Iterator, List, Mapping, Optional, Type

from .config import agent_token, gateway_urls, is_iron_token
from .context import current_run
from .errors import BudgetExceededError, GatewayUnavailableError
from .http import open_response, request_json
from .redirect import same_origin
from .run import Run
from .sse import iter_chunks
from .tags import HEADER as TAGS_HEADER, TagsInput, normalize_tags, tags_header

Message = Mapping[str, Any]


@dataclass(frozen=True)
class _Target:
    base_url: str
    headers: Dict[str, str] = field(repr=False)  # carries the token
    run: Optional[Run]


class Client:
    """A chat-completions client for the Iron gateway. `Client().chat.completions.create(model=..., messages=[...])`."""

    def __init__(
        self,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        *,
        timeout: float = 120.0,
        tags: TagsInput = None,
    ) -> None:
        self._api_key = api_key
        self._base_url = base_url
        self._tags = normalize_tags(tags)
        self.timeout = timeout
        self.chat = _Chat(self)

    def _target(self) -> _Target:
        run = current_run()
        if run is not None and (self._base_url is None or same_origin(self._base_url, run.base_url)):
            key = self._api_key if is_iron_token(self._api_key) else run.api_key
            headers = {**run.headers(), "authorization": f"Bearer {key}"}
            tags = tags_header(normalize_tags(self._tags, run.tags))
            if tags is not None:
                headers[TAGS_HEADER] = tags
            return _Target(run.openai_base_url, headers, run)
        headers = {"authorization": f"Bearer {agent_token(self._api_key)}"}
        tags = tags_header(self._tags)
        if tags is not None:
            headers[TAGS_HEADER] = tags
        return _Target(gateway_urls(self._base_url).openai, headers, None)

    def _send(self, body: Dict[str, Any]) -> Any:
        target = self._target()
        url = f"{target.base_url}/chat/completions"
        try:
            if body.get("stream"):
                result: Any = ChatStream(open_response("POST", url, headers=target.headers, body=body, timeout=self.timeout))
            else:
                result = request_json("POST", url, headers=target.headers, body=body, timeout=self.timeout).data
        except GatewayUnavailableError:
            raise
        except BudgetExceededError as error:
            if target.run is not None:
                target.run.count_request()
                target.run.fill_budget_error(error)
            raise
        except Exception:
            if target.run is not None:
                target.run.count_request()
            raise
        if target.run is not None:
            target.run.count_request()
        return result


class _Chat:
    def __init__(self, client: Client) -> None:
        self.completions = _Completions(client)


class _Completions:
    def __init__(self, client: Client) -> None:
        self._client = client

    def create(self, *, model: str, messages: List[Message], stream: bool = False, **params: Any) -> Any:
        """POST /v1/chat/completions. Returns the completion as a dict, or with `stream=True` a `ChatStream` of chunk
        dicts. Gateway refusals raise iron-sdk exceptions (BudgetExceededError, SafetyBlockedError, ...)."""
        body: Dict[str, Any] = {"model": model, "messages": list(messages), **params}
        if stream:
            body["stream"] = True
        return self._client._send(body)


class ChatStream:
    """The chunks of a streamed completion (dicts), iterated once; closes the connection when done or on `close()`."""

    def __init__(self, response: HTTPResponse) -> None:
        self._response = response
        self._chunks = iter_chunks(response, {k.lower(): v for k, v in response.headers.items()})
        self.headers: Dict[str, str] = {k.lower(): v for k, v in response.headers.items()}

    def __iter__(self) -> Iterator[Any]:
        try:
            yield from self._chunks
        finally:
            self.close()

    def text(self) -> str:
        """Reads the whole stream and returns the concatenated content of the first choice."""
        parts = []
        for chunk in self:
            for choice in chunk.get("choices") or []:
                if choice.get("index", 0) == 0:
                    parts.append((choice.get("delta") or {}).get("content") or "")
        return "".join(parts)

    def close(self) -> None:
        """Closes the connection (the gateway still settles what the provider billed)."""
        self._response.close()

    def __enter__(self) -> "ChatStream":
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        self.close()
