"""Shared HTTP of the stand-in clients (urllib; the real packages use httpx)."""

from __future__ import annotations

import json
from typing import Any, Dict, Tuple
from urllib.error import HTTPError
from urllib.request import Request, urlopen


class FakeResponse:
    """What `APIStatusError.response` exposes that iron-sdk reads: `status_code` and `headers`."""

    def __init__(self, status_code: int, headers: Dict[str, str]) -> None:
        self.status_code = status_code
        self.headers = headers


def post(url: str, headers: Dict[str, str], body: Any) -> Tuple[int, Dict[str, str], Any]:
    request = Request(url, data=json.dumps(body).encode(), method="POST", headers={"content-type": "application/json", **headers})
    try:
        with urlopen(request, timeout=60) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, json.loads(response.read())
    except HTTPError as error:
        raw = error.read()
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        return error.code, {k.lower(): v for k, v in error.headers.items()}, parsed
