"""Audit tags of a run, sent to the gateway as the `x-iron-tags` header and stored with each request it logs.

The gateway's rule (src/gateway/request-tags.ts): comma-separated tags, at most 16, each 1-64 characters of
`A-Z a-z 0-9 _ . : = / @ + -`; a bad tag refuses the call, so the SDK checks tags when a run or client is created.
A mapping `{"team": "search"}` becomes the tags `team=search`; plain strings are taken as they are. Nested runs
carry their parent's tags; a `key=value` tag of their own replaces the parent's tag of the same key.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Optional, Sequence, Tuple, Union

HEADER = "x-iron-tags"
MAX_TAGS = 16
MAX_TAG_LENGTH = 64
_TAG = re.compile(r"^[A-Za-z0-9_.:=/@+-]{1,64}$")

TagsInput = Union[Mapping[str, object], Iterable[str], None]


def normalize_tags(tags: TagsInput, inherited: Sequence[str] = ()) -> Tuple[str, ...]:
    """The inherited tags extended by `tags`, checked against the gateway's rule (ValueError when one breaks it)."""
    if tags is None:
        own: Tuple[str, ...] = ()
    elif isinstance(tags, Mapping):
        own = tuple(f"{key}={value}" for key, value in tags.items())
    elif isinstance(tags, str):
        own = (tags,)
    else:
        own = tuple(str(tag) for tag in tags)
    for tag in own:
        if not _TAG.match(tag):
            raise ValueError(
                f"tag {tag!r} is not 1-{MAX_TAG_LENGTH} characters of A-Z a-z 0-9 _ . : = / @ + - (the gateway would refuse it)"
            )
    replaced = {_key(tag) for tag in own if "=" in tag}
    merged = [tag for tag in inherited if not ("=" in tag and _key(tag) in replaced)] + list(own)
    unique = tuple(dict.fromkeys(merged))
    if len(unique) > MAX_TAGS:
        raise ValueError(f"a call carries at most {MAX_TAGS} tags, not {len(unique)}")
    return unique


def tags_header(tags: Sequence[str]) -> Optional[str]:
    """The `x-iron-tags` value for these tags, or None when there are none."""
    return ",".join(tags) if tags else None


def _key(tag: str) -> str:
    return tag.split("=", 1)[0]
