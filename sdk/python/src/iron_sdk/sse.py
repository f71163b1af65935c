"""Server-sent events from a gateway stream, as parsed JSON chunks (OpenAI chat-completion chunks)."""

from __future__ import annotations

import json
import socket
from http.client import HTTPException, HTTPResponse
from typing import Any, Dict, Iterator, List, Mapping

from .error_mapping import error_from_body
from .errors import GatewayUnavailableError, IronError


def iter_events(response: HTTPResponse) -> Iterator[Dict[str, str]]:
    """Yields `{"event": ..., "data": ...}` per SSE event; comments (`: ...`) are skipped."""
    event: str = ""
    data: List[str] = []
    try:
        for raw in response:
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                raise IronError("The gateway's stream carried bytes that are not UTF-8.", code="malformed_stream") from None
            if line == "":
                if data:
                    yield {"event": event, "data": "\n".join(data)}
                event, data = "", []
            elif line.startswith(":"):
                continue
            else:
                field, _, value = line.partition(":")
                value = value[1:] if value.startswith(" ") else value
                if field == "data":
                    data.append(value)
                elif field == "event":
                    event = value
    except (OSError, socket.timeout, HTTPException) as error:  # IncompleteRead (a chunk cut short) is an HTTPException
        raise GatewayUnavailableError(f"The gateway's stream broke off ({str(error)[:200] or type(error).__name__}).", code="stream_interrupted") from None
    if data:
        yield {"event": event, "data": "\n".join(data)}


def iter_chunks(response: HTTPResponse, headers: Mapping[str, str]) -> Iterator[Any]:
    """Yields each JSON chunk until `[DONE]`; an error event (e.g. output blocked by the safety policy) raises."""
    for event in iter_events(response):
        if event["data"] == "[DONE]":
            return
        try:
            chunk = json.loads(event["data"])
        except ValueError:
            raise IronError("The gateway's stream carried an event that is not JSON.", code="malformed_stream") from None
        if event["event"] == "error" or (isinstance(chunk, dict) and "error" in chunk and "choices" not in chunk):
            raise error_from_body(None, headers, chunk, fallback="The gateway ended the stream with an error.")
        yield chunk
