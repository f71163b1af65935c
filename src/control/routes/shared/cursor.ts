import { fromBase64Url, toBase64Url } from "../../../crypto/base64url";
import { controlRefusal, type ControlRefusal } from "../../openapi/control-errors";

/**
 * Keyset pagination. A cursor is the sort key of the last item of a page (e.g. `[created_at, id]`), as opaque
 * base64url JSON; the next page is the rows strictly after it. Stable under inserts, no OFFSET scans.
 */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(key)));
}

/** The key inside a cursor, `null` for no cursor, or a VALIDATION_ERROR naming `query.cursor`. */
export function decodeCursor(cursor: string | undefined, arity: number): CursorKey | null | ControlRefusal<"VALIDATION_ERROR"> {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(cursor)));
    if (Array.isArray(key) && key.length === arity && key.every((part) => typeof part === "string" || typeof part === "number")) return key;
  } catch {
    // falls through to the refusal
  }
  return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { "query.cursor": "Not a cursor this list returned." } });
}

/** Fetch `limit + 1` rows, then: the page's items and the cursor of the next page (null on the last page). */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (row: T) => CursorKey): { data: T[]; pagination: { next_cursor: string | null; limit: number } } {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  const next = rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null;
  return { data, pagination: { next_cursor: next, limit } };
}
