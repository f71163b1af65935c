"""A stand-in for the third-party `openai` package (not installable on this machine), placed on sys.path by the
tests. It reproduces only the documented behaviour iron-sdk depends on: `OpenAI`/`AsyncOpenAI` take keyword-only
arguments; `api_key` defaults to OPENAI_API_KEY and `base_url` to OPENAI_BASE_URL, else https://api.openai.com/v1;
`default_headers` go on every request; `chat.completions.create` POSTs `{base_url}/chat/completions` with
`Authorization: Bearer <api_key>`; an error status raises `APIStatusError` whose `body` is the JSON's `error` object,
`code` its code, `status_code` and `response.headers` those of the answer (as openai-python does)."""

from __future__ import annotations

import asyncio
import os
from typing import Any, Dict, Optional

from _iron_fake_http import FakeResponse, post

__version__ = "0.0.0-test-stand-in"


class OpenAIError(Exception):
    pass


class APIStatusError(OpenAIError):
    def __init__(self, message: str, *, response: FakeResponse, body: Any) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.code = body.get("code") if isinstance(body, dict) else None


class RateLimitError(APIStatusError):
    pass


class _BaseClient:
    def _setup(self, api_key: Optional[str], base_url: Optional[str], default_headers: Optional[Dict[str, str]]) -> None:
        if api_key is None:
            api_key = os.environ.get("OPENAI_API_KEY")
        if api_key is None:
            raise OpenAIError("The api_key client option must be set either by passing api_key to the client or by setting the OPENAI_API_KEY environment variable")
        if base_url is None:
            base_url = os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"
        self.api_key = api_key
        self.base_url = base_url
        self.default_headers = dict(default_headers or {})

    def _post(self, path: str, body: Any) -> Any:
        headers = {**self.default_headers, "authorization": f"Bearer {self.api_key}"}
        status, response_headers, data = post(f"{self.base_url.rstrip('/')}{path}", headers, body)
        if status >= 400:
            error = data.get("error", data) if isinstance(data, dict) else data
            cls = RateLimitError if status == 429 else APIStatusError
            raise cls(f"Error code: {status} - {data}", response=FakeResponse(status, response_headers), body=error)
        return data


class OpenAI(_BaseClient):
    def __init__(self, *, api_key: Optional[str] = None, base_url: Optional[str] = None, default_headers: Optional[Dict[str, str]] = None, **options: Any) -> None:
        self._setup(api_key, base_url, default_headers)
        self.chat = _Chat(self)


class AsyncOpenAI(_BaseClient):
    def __init__(self, *, api_key: Optional[str] = None, base_url: Optional[str] = None, default_headers: Optional[Dict[str, str]] = None, **options: Any) -> None:
        self._setup(api_key, base_url, default_headers)
        self.chat = _AsyncChat(self)


class _Chat:
    def __init__(self, client: _BaseClient) -> None:
        self.completions = _Completions(client)


class _Completions:
    def __init__(self, client: _BaseClient) -> None:
        self._client = client

    def create(self, **body: Any) -> Any:
        return self._client._post("/chat/completions", body)


class _AsyncChat:
    def __init__(self, client: _BaseClient) -> None:
        self.completions = _AsyncCompletions(client)


class _AsyncCompletions:
    def __init__(self, client: _BaseClient) -> None:
        self._client = client

    async def create(self, **body: Any) -> Any:
        return await asyncio.to_thread(self._client._post, "/chat/completions", body)
