"""`iron_sdk.AsyncClient`: `Client` for asyncio code; each call runs in a worker thread (the event loop never blocks).

`asyncio.to_thread` carries the caller's context, so the call is made on the caller's run.
"""

from __future__ import annotations

import asyncio
from typing import Any, AsyncIterator, List, Optional

from .client import ChatStream, Client, Message
from .tags import TagsInput

_END = object()


class AsyncClient:
    """`await AsyncClient().chat.completions.create(model=..., messages=[...])`; same arguments as `Client`."""

    def __init__(
        self,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        *,
        timeout: float = 120.0,
        tags: TagsInput = None,
    ) -> None:
        self._sync = Client(api_key, base_url, timeout=timeout, tags=tags)
        self.chat = _AsyncChat(self._sync)


class _AsyncChat:
    def __init__(self, sync: Client) -> None:
        self.completions = _AsyncCompletions(sync)


class _AsyncCompletions:
    def __init__(self, sync: Client) -> None:
        self._sync = sync

    async def create(self, *, model: str, messages: List[Message], stream: bool = False, **params: Any) -> Any:
        """Like `Client.chat.completions.create`; with `stream=True` returns an `AsyncChatStream`."""
        result = await asyncio.to_thread(self._sync.chat.completions.create, model=model, messages=messages, stream=stream, **params)
        return AsyncChatStream(result) if isinstance(result, ChatStream) else result


class AsyncChatStream:
    """The chunks of a streamed completion, for `async for`; each read happens in a worker thread."""

    def __init__(self, stream: ChatStream) -> None:
        self._stream = stream
        self._chunks = iter(stream)
        self.headers = stream.headers

    def __aiter__(self) -> AsyncIterator[Any]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[Any]:
        try:
            while True:
                chunk = await asyncio.to_thread(next, self._chunks, _END)
                if chunk is _END:
                    return
                yield chunk
        finally:
            self._stream.close()

    async def close(self) -> None:
        """Closes the connection."""
        self._stream.close()
