"""A stand-in for the third-party `anthropic` package (not installable on this machine), placed on sys.path by the
tests. Only the documented behaviour iron-sdk depends on: `Anthropic`/`AsyncAnthropic` take keyword-only arguments;
`api_key` defaults to ANTHROPIC_API_KEY, `auth_token` to ANTHROPIC_AUTH_TOKEN, `base_url` to ANTHROPIC_BASE_URL, else
https://api.anthropic.com; `messages.create` POSTs `{base_url}/v1/messages` with `x-api-key` (and
`Authorization: Bearer <auth_token>` when set), `anthropic-version` and `default_headers`; an error status raises
`APIStatusError` with the whole JSON body as `body` (as anthropic-sdk-python does)."""

from __future__ import annotations

import asyncio
import os
from typing import Any, Dict, Optional

from _iron_fake_http import FakeResponse, post

__version__ = "0.0.0-test-stand-in"


class AnthropicError(Exception):
    pass


class APIStatusError(AnthropicError):
    def __init__(self, message: str, *, response: FakeResponse, body: Any) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body


class _BaseClient:
    def _setup(self, api_key: Optional[str], auth_token: Optional[str], base_url: Optional[str], default_headers: Optional[Dict[str, str]]) -> None:
        self.api_key = api_key if api_key is not None else os.environ.get("ANTHROPIC_API_KEY")
        self.auth_token = auth_token if auth_token is not None else os.environ.get("ANTHROPIC_AUTH_TOKEN")
        if self.api_key is None and self.auth_token is None:
            raise AnthropicError("Could not resolve authentication method: set api_key or auth_token")
        self.base_url = base_url or os.environ.get("ANTHROPIC_BASE_URL") or "https://api.anthropic.com"
        self.default_headers = dict(default_headers or {})

    def _post(self, path: str, body: Any) -> Any:
        headers = {**self.default_headers, "anthropic-version": "2023-06-01"}
        if self.api_key is not None:
            headers["x-api-key"] = self.api_key
        if self.auth_token is not None:
            headers["authorization"] = f"Bearer {self.auth_token}"
        status, response_headers, data = post(f"{self.base_url.rstrip('/')}{path}", headers, body)
        if status >= 400:
            raise APIStatusError(f"Error code: {status} - {data}", response=FakeResponse(status, response_headers), body=data)
        return data


class Anthropic(_BaseClient):
    def __init__(self, *, api_key: Optional[str] = None, auth_token: Optional[str] = None, base_url: Optional[str] = None, default_headers: Optional[Dict[str, str]] = None, **options: Any) -> None:
        self._setup(api_key, auth_token, base_url, default_headers)
        self.messages = _Messages(self)


class AsyncAnthropic(_BaseClient):
    def __init__(self, *, api_key: Optional[str] = None, auth_token: Optional[str] = None, base_url: Optional[str] = None, default_headers: Optional[Dict[str, str]] = None, **options: Any) -> None:
        self._setup(api_key, auth_token, base_url, default_headers)
        self.messages = _AsyncMessages(self)


class _Messages:
    def __init__(self, client: _BaseClient) -> None:
        self._client = client

    def create(self, **body: Any) -> Any:
        return self._client._post("/v1/messages", body)


class _AsyncMessages:
    def __init__(self, client: _BaseClient) -> None:
        self._client = client

    async def create(self, **body: Any) -> Any:
        return await asyncio.to_thread(self._client._post, "/v1/messages", body)
