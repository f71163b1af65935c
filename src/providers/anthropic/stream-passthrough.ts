import type { TokenUsage } from "../../pricing/cost";
import type { SseEvent } from "../types";
import type { CountingStreamTranslator } from "../shared/counting-translator";
import { asObject, tryParseJson } from "../shared/json";
import { blockDeltaChars } from "./delta-chars";
import { anthropicUsage } from "./usage";

/**
 * Anthropic events to an Anthropic-shaped agent, forwarded byte-identical. Usage is read from message_start
 * and message_delta; events whose data is not a JSON object are skipped and counted. Nothing to add at the end.
 */
export function anthropicPassthroughStream(): CountingStreamTranslator {
  let usage: TokenUsage | null = null;
  let chars = 0;
  let malformed = 0;
  return {
    push(event: SseEvent): SseEvent[] {
      const payload = asObject(tryParseJson(event.data));
      if (payload === undefined) {
        malformed += 1;
        return [];
      }
      if (payload.type === "message_start") usage = anthropicUsage(asObject(payload.message)?.usage, usage);
      else if (payload.type === "message_delta") usage = anthropicUsage(payload.usage, usage);
      else if (payload.type === "content_block_delta") chars += blockDeltaChars(payload.delta, true);
      return [event];
    },
    finish: () => [],
    usage: () => usage,
    outputChars: () => chars,
    malformedEvents: () => malformed,
  };
}
