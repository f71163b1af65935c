import type { SseEvent } from "../../providers/types";
import type { ScannerSet } from "./scanner-set";

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The fields of the last chunk seen, to build a chunk for text still held when the stream ends without a finish. */
export interface OpenAiStreamState {
  base: Json;
}

/**
 * Rewrites one OpenAI chat chunk: each choice's `content`, `reasoning_content` and tool-call `arguments` deltas are
 * replaced by what their scanner releases; a choice's finishing chunk also carries the rest of its held text (a delta
 * next to `finish_reason` is valid in the chunk format). `[DONE]` is preceded by whatever is still held.
 * Returns `null` once something was blocked.
 */
export function rewriteOpenAiEvent(event: SseEvent, set: ScannerSet, state: OpenAiStreamState): SseEvent[] | null {
  if (event.data.trim() === "[DONE]") {
    const rest = flushOpenAi(set, state);
    return rest === null ? null : [...rest, event];
  }
  let json: unknown;
  try {
    json = JSON.parse(event.data);
  } catch {
    return [event];
  }
  if (!isRecord(json) || !Array.isArray(json.choices) || json.choices.length === 0) return [event];
  state.base = { id: json.id, object: json.object, created: json.created, model: json.model };
  let touched = false;
  for (const [position, choice] of json.choices.entries()) {
    if (!isRecord(choice) || !isRecord(choice.delta)) continue;
    const index = typeof choice.index === "number" ? choice.index : position;
    const delta = choice.delta;
    for (const field of ["content", "reasoning_content"] as const) {
      const text = delta[field];
      if (typeof text !== "string" || text === "") continue;
      const emit = set.push(`${index}:${field}`, text);
      if (emit === null) return null;
      delta[field] = emit;
      touched = true;
    }
    for (const [j, call] of (Array.isArray(delta.tool_calls) ? delta.tool_calls : []).entries()) {
      if (!isRecord(call) || !isRecord(call.function)) continue;
      const fn = call.function;
      if (typeof fn.arguments !== "string" || fn.arguments === "") continue;
      const emit = set.push(`${index}:tool:${typeof call.index === "number" ? call.index : j}`, fn.arguments);
      if (emit === null) return null;
      fn.arguments = emit;
      touched = true;
    }
    if (typeof choice.finish_reason === "string") {
      const rest = set.flush((key) => key.startsWith(`${index}:`));
      if (rest === null) return null;
      for (const [key, text] of rest) appendRest(delta, key.slice(`${index}:`.length), text);
      touched ||= rest.length > 0;
    }
  }
  return [touched ? { ...event, data: JSON.stringify(json) } : event];
}

/** Chunks carrying every text still held (end of stream without a finishing chunk); `null` once blocked. */
export function flushOpenAi(set: ScannerSet, state: OpenAiStreamState): SseEvent[] | null {
  const rest = set.flush(() => true);
  if (rest === null) return null;
  return rest.map(([key, text]) => {
    const [index = "0", ...field] = key.split(":");
    const delta: Json = {};
    appendRest(delta, field.join(":"), text);
    return { data: JSON.stringify({ ...state.base, choices: [{ index: Number(index), delta, finish_reason: null }] }) };
  });
}

/** Adds held text to a choice's delta under its field: `content`, `reasoning_content` or `tool:<index>`. */
function appendRest(delta: Json, field: string, text: string): void {
  if (!field.startsWith("tool:")) {
    const before = delta[field];
    delta[field] = (typeof before === "string" ? before : "") + text;
    return;
  }
  const index = Number(field.slice("tool:".length));
  const calls: unknown[] = Array.isArray(delta.tool_calls) ? delta.tool_calls : [];
  const call = calls.find((c): c is Json => isRecord(c) && c.index === index);
  const fn = call !== undefined && isRecord(call.function) ? call.function : null;
  if (fn !== null) fn.arguments = (typeof fn.arguments === "string" ? fn.arguments : "") + text;
  else calls.push({ index, function: { arguments: text } });
  delta.tool_calls = calls;
}
