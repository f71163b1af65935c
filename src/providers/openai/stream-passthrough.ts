import type { TokenUsage } from "../../pricing/cost";
import type { SseEvent, UpstreamCall } from "../types";
import type { CountingStreamTranslator } from "../shared/counting-translator";
import { asArray, asObject, omitKey, tryParseJson } from "../shared/json";
import { deltaChars } from "./delta-chars";
import { openaiUsage } from "./usage";

const DONE: SseEvent = { data: "[DONE]" };

/**
 * OpenAI chunks to an OpenAI-shaped agent: forwarded byte-identical except that, when the agent did not ask
 * for usage, the usage-only chunk is dropped and a `usage` object on another chunk is stripped (that chunk
 * alone is re-serialized). The upstream `[DONE]` is dropped; `finish()` sends exactly one.
 */
export function openaiPassthroughStream(call: UpstreamCall): CountingStreamTranslator {
  let usage: TokenUsage | null = null;
  let chars = 0;
  let malformed = 0;
  let finished = false;

  function push(event: SseEvent): SseEvent[] {
    if (event.data.trim() === "[DONE]") return [];
    const chunk = asObject(tryParseJson(event.data));
    if (chunk === undefined) {
      malformed += 1;
      return [];
    }
    chars += deltaChars(chunk.choices);
    const reported = openaiUsage(chunk.usage);
    if (reported !== null) usage = reported;
    if (reported === null || call.agentWantsStreamUsage) return [event];
    if (asArray(chunk.choices)?.length === 0) return [];
    return [{ ...event, data: JSON.stringify(omitKey(chunk, "usage")) }];
  }

  return {
    push,
    finish() {
      if (finished) return [];
      finished = true;
      return [DONE];
    },
    usage: () => usage,
    outputChars: () => chars,
    malformedEvents: () => malformed,
  };
}
