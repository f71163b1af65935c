import { refuse, type Refusal } from "../errors/refusal";

/** At most this many tags per request, each at most `TAG_MAX` characters. */
export const TAGS_MAX = 16;
const TAG_MAX = 64;
const TAG = /^[A-Za-z0-9_.:=/@+-]+$/;

/**
 * The request's audit tags from `x-iron-tags` (comma-separated, e.g. `run=nightly,team:search`), set by the Python
 * SDK for a protected run or by any client. Stored with the request record and filterable in the control API; never
 * forwarded upstream. Absent → none; duplicates are dropped; a bad tag is refused (a typo must not pass silently).
 */
export function requestTags(headers: Headers): string[] | Refusal {
  const raw = headers.get("x-iron-tags");
  if (raw === null || raw.trim() === "") return [];
  const tags = [...new Set(raw.split(",").map((t) => t.trim()).filter((t) => t !== ""))];
  const bad = tags.find((t) => t.length > TAG_MAX || !TAG.test(t));
  if (bad !== undefined || tags.length > TAGS_MAX) {
    const why = bad === undefined ? `at most ${TAGS_MAX} tags` : `each tag is 1-${TAG_MAX} characters of A-Z a-z 0-9 _ . : = / @ + -`;
    return refuse("invalid_request", `Invalid x-iron-tags header: ${why}.`, { field: "x-iron-tags" });
  }
  return tags;
}
