import type { TokenUsage } from "../../pricing/cost";
import type { JsonObject } from "./json";

/** TokenUsage in Anthropic's `usage` form (`input_tokens` excludes cache reads and writes). */
export function anthropicUsageBody(usage: TokenUsage): JsonObject {
  return {
    input_tokens: usage.input,
    output_tokens: usage.output + usage.reasoning,
    cache_creation_input_tokens: usage.cacheWrite,
    cache_read_input_tokens: usage.cachedInput,
  };
}

/** TokenUsage in OpenAI's `usage` form (`prompt_tokens` includes cached tokens, `completion_tokens` reasoning). */
export function openaiUsageBody(usage: TokenUsage): JsonObject {
  const prompt = usage.input + usage.cachedInput + usage.cacheWrite;
  const completion = usage.output + usage.reasoning;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: usage.cachedInput },
    completion_tokens_details: { reasoning_tokens: usage.reasoning },
  };
}
