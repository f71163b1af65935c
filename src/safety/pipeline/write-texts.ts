import { isObject } from "./slots";
import type { TextSlot } from "./types";

/**
 * A copy of `body` with each edited slot's text replaced; the original is left untouched (it may still be needed for
 * the audit). A `json` slot is parsed back into its structure; if redaction made it unparsable, the structure is
 * replaced by `{"_redacted": text}` rather than forwarding the unredacted value.
 */
export function writeTexts<T extends Readonly<Record<string, unknown>>>(body: T, edits: readonly { slot: TextSlot; text: string }[]): T {
  if (edits.length === 0) return body;
  const copy = structuredClone(body) as Record<string, unknown>;
  for (const { slot, text } of edits) setAt(copy, slot.path, slot.kind === "json" ? parseOr(text) : text);
  return copy as T;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { _redacted: text };
  }
}

function setAt(root: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    if (key === undefined) return;
    node = Array.isArray(node) ? (node as unknown[])[Number(key)] : isObject(node) ? node[String(key)] : undefined;
  }
  const last = path[path.length - 1];
  if (last === undefined) return;
  if (Array.isArray(node)) (node as unknown[])[Number(last)] = value;
  else if (isObject(node)) node[String(last)] = value;
}
