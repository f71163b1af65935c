import { countTokens } from "../tokenizer/count-tokens";
import type { ApiShape, SseEvent } from "../providers/types";
import type { ModelPrice } from "../pricing/lookup";
import { deltaText } from "./output-text";

/**
 * Counts completion tokens as they are forwarded, to stop a provider that ignores `max_tokens` at the reserved
 * bound. Exact tokenizer for OpenAI models; o200k as an estimate for models without a public tokenizer.
 */
export interface OutputMeter {
  /** Adds the tokens of outbound events; true once the count passed the bound. */
  add(events: readonly SseEvent[]): boolean;
  tokens(): number;
}

/** Deltas are counted one by one, which can only over-count; the slack absorbs that. */
const SLACK_TOKENS = 16;

export function outputMeter(shape: ApiShape, price: ModelPrice, maxTokens: number, choices: number): OutputMeter {
  const bound = maxTokens * choices + SLACK_TOKENS;
  const encoding = price.encoding ?? "o200k_base";
  let tokens = 0;
  return {
    add(events) {
      for (const event of events) {
        const text = deltaText(shape, event);
        if (text !== "") tokens += countTokens(text, encoding);
      }
      return tokens > bound;
    },
    tokens: () => tokens,
  };
}
