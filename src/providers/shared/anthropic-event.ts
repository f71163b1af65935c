import type { SseEvent } from "../types";
import type { JsonObject } from "./json";

/** An Anthropic stream event: the SSE `event:` name equals the payload's `type`. */
export function anthropicEvent(type: string, payload: JsonObject = {}): SseEvent {
  return { event: type, data: JSON.stringify({ type, ...payload }) };
}
