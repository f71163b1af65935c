import type { TokenUsage } from "../../pricing/cost";
import { asObject, tokenCount } from "../shared/json";

/**
 * Anthropic `usage` → TokenUsage {input: input_tokens, cachedInput: cache_read, cacheWrite: cache_creation,
 * output: output_tokens, reasoning: 0}. With `previous`, only fields present as numbers replace the earlier
 * values (stream: message_start, then cumulative message_delta). `null` when `raw` is not an object.
 */
export function anthropicUsage(raw: unknown, previous: TokenUsage | null = null): TokenUsage | null {
  const u = asObject(raw);
  if (u === undefined) return previous;
  const base = previous ?? { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 };
  const pick = (value: unknown, fallback: number): number => (typeof value === "number" ? tokenCount(value) : fallback);
  return {
    input: pick(u.input_tokens, base.input),
    cachedInput: pick(u.cache_read_input_tokens, base.cachedInput),
    cacheWrite: pick(u.cache_creation_input_tokens, base.cacheWrite),
    output: pick(u.output_tokens, base.output),
    reasoning: 0,
  };
}
