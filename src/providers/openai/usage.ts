import type { TokenUsage } from "../../pricing/cost";
import { asObject, tokenCount } from "../shared/json";

/**
 * OpenAI chat or embeddings `usage` → TokenUsage: input = prompt − cached, output = completion − reasoning.
 * `null` when `raw` is not a usage object.
 */
export function openaiUsage(raw: unknown): TokenUsage | null {
  const u = asObject(raw);
  if (u === undefined) return null;
  const prompt = tokenCount(u.prompt_tokens);
  const completion = tokenCount(u.completion_tokens);
  const cached = Math.min(prompt, tokenCount(asObject(u.prompt_tokens_details)?.cached_tokens));
  const reasoning = Math.min(completion, tokenCount(asObject(u.completion_tokens_details)?.reasoning_tokens));
  return {
    input: prompt - cached,
    cachedInput: cached,
    cacheWrite: 0,
    output: completion - reasoning,
    reasoning,
  };
}
