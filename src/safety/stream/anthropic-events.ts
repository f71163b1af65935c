import type { SseEvent } from "../../providers/types";
import type { ScannerSet } from "./scanner-set";

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Which field of a content block delta holds its text, per delta type. */
const TEXT_FIELD: Readonly<Record<string, string>> = { text_delta: "text", input_json_delta: "partial_json", thinking_delta: "thinking" };

/** The delta type of each open content block, to write its held-back rest in the same form. */
export type AnthropicStreamState = Map<number, string>;

/**
 * Rewrites one Anthropic stream event: a `content_block_delta`'s text is replaced by what the block's scanner
 * releases (a delta left empty is dropped — it carries nothing else); `content_block_stop` is preceded by one delta
 * with the block's held-back rest; `message_delta` / `message_stop` by the rest of every block still open.
 * Returns `null` once something was blocked.
 */
export function rewriteAnthropicEvent(event: SseEvent, set: ScannerSet, state: AnthropicStreamState): SseEvent[] | null {
  let json: unknown;
  try {
    json = JSON.parse(event.data);
  } catch {
    return [event];
  }
  if (!isRecord(json)) return [event];
  const index = typeof json.index === "number" ? json.index : 0;
  if (json.type === "content_block_delta" && isRecord(json.delta)) {
    const type = typeof json.delta.type === "string" ? json.delta.type : "";
    const field = TEXT_FIELD[type];
    const text = field === undefined ? undefined : json.delta[field];
    if (field === undefined || typeof text !== "string" || text === "") return [event];
    state.set(index, type);
    const emit = set.push(String(index), text);
    if (emit === null) return null;
    if (emit === "") return [];
    json.delta[field] = emit;
    return [{ ...event, data: JSON.stringify(json) }];
  }
  if (json.type === "content_block_stop" || json.type === "message_delta" || json.type === "message_stop") {
    const only = json.type === "content_block_stop" ? String(index) : null;
    const rest = flushAnthropic(set, state, only);
    return rest === null ? null : [...rest, event];
  }
  return [event];
}

/** Deltas carrying the held-back rest of block `only` (or of every block when `null`); `null` once blocked. */
export function flushAnthropic(set: ScannerSet, state: AnthropicStreamState, only: string | null): SseEvent[] | null {
  const rest = set.flush((key) => only === null || key === only);
  if (rest === null) return null;
  return rest.map(([key, text]) => {
    const index = Number(key);
    const type = state.get(index) ?? "text_delta";
    const field = TEXT_FIELD[type] ?? "text";
    const data = { type: "content_block_delta", index, delta: { type, [field]: text } };
    return { event: "content_block_delta", data: JSON.stringify(data) };
  });
}
