import type { Encoding } from "../tokenizer/count-tokens";

/**
 * The versioned price table (data). Prices are USD per 1M tokens as published by each vendor;
 * `loadPrice` turns them into integer micro-dollars per 1M tokens. A model missing here is
 * refused with `model_not_priced`: it is never charged $0.
 *
 * `encoding` names the exact tokenizer for the model; `null` means none exists in the bundle
 * (Anthropic), and prompt size is bounded by UTF-8 bytes instead.
 */
export const PRICE_TABLE_VERSION = "2026-11-01";

export type Vendor = "openai" | "anthropic";
export type ModelKind = "chat" | "embedding";

export interface PriceRow {
  vendor: Vendor;
  kind: ModelKind;
  encoding: Encoding | null;
  /** Largest completion the model can produce; the clamp never goes above it. */
  maxOutputTokens: number;
  /** USD per 1M tokens by token class. */
  usdPerMillion: { input: number; cachedInput: number; cacheWrite: number; output: number; reasoning: number };
  /** Upper bound of the tokens one image input may cost with this model. */
  imageTokenBound: number;
}

type Prices = PriceRow["usdPerMillion"];
const openaiPrices = (input: number, cachedInput: number, output: number): Prices => ({
  input,
  cachedInput,
  cacheWrite: input,
  output,
  reasoning: output,
});
const anthropicPrices = (input: number, output: number): Prices => ({
  input,
  cachedInput: input / 10,
  cacheWrite: input * 1.25,
  output,
  reasoning: output,
});
const chat = (vendor: Vendor, encoding: Encoding | null, maxOutputTokens: number, usdPerMillion: Prices, imageTokenBound = 8_000): PriceRow => ({
  vendor,
  kind: "chat",
  encoding,
  maxOutputTokens,
  usdPerMillion,
  imageTokenBound,
});
const embedding = (input: number, encoding: Encoding): PriceRow => ({
  vendor: "openai",
  kind: "embedding",
  encoding,
  maxOutputTokens: 0,
  usdPerMillion: { input, cachedInput: input, cacheWrite: input, output: 0, reasoning: 0 },
  imageTokenBound: 0,
});

export const PRICE_TABLE: Readonly<Record<string, PriceRow>> = {
  "gpt-5": chat("openai", "o200k_base", 128_000, openaiPrices(1.25, 0.125, 10)),
  "gpt-5-mini": chat("openai", "o200k_base", 128_000, openaiPrices(0.25, 0.025, 2)),
  "gpt-5-nano": chat("openai", "o200k_base", 128_000, openaiPrices(0.05, 0.005, 0.4)),
  "gpt-4.1": chat("openai", "o200k_base", 32_768, openaiPrices(2, 0.5, 8)),
  "gpt-4.1-mini": chat("openai", "o200k_base", 32_768, openaiPrices(0.4, 0.1, 1.6), 50_000),
  "gpt-4.1-nano": chat("openai", "o200k_base", 32_768, openaiPrices(0.1, 0.025, 0.4), 50_000),
  "gpt-4o": chat("openai", "o200k_base", 16_384, openaiPrices(2.5, 1.25, 10)),
  "gpt-4o-mini": chat("openai", "o200k_base", 16_384, openaiPrices(0.15, 0.075, 0.6), 50_000),
  o3: chat("openai", "o200k_base", 100_000, openaiPrices(2, 0.5, 8)),
  "o3-mini": chat("openai", "o200k_base", 100_000, openaiPrices(1.1, 0.55, 4.4)),
  "o4-mini": chat("openai", "o200k_base", 100_000, openaiPrices(1.1, 0.275, 4.4)),
  "gpt-4-turbo": chat("openai", "cl100k_base", 4_096, openaiPrices(10, 10, 30)),
  "gpt-3.5-turbo": chat("openai", "cl100k_base", 4_096, openaiPrices(0.5, 0.5, 1.5)),
  "text-embedding-3-small": embedding(0.02, "cl100k_base"),
  "text-embedding-3-large": embedding(0.13, "cl100k_base"),
  "text-embedding-ada-002": embedding(0.1, "cl100k_base"),
  "claude-opus-4-5": chat("anthropic", null, 64_000, anthropicPrices(5, 25)),
  "claude-opus-4-1": chat("anthropic", null, 32_000, anthropicPrices(15, 75)),
  "claude-opus-4-0": chat("anthropic", null, 32_000, anthropicPrices(15, 75)),
  "claude-sonnet-4-5": chat("anthropic", null, 64_000, anthropicPrices(3, 15)),
  "claude-sonnet-4-0": chat("anthropic", null, 64_000, anthropicPrices(3, 15)),
  "claude-3-7-sonnet": chat("anthropic", null, 64_000, anthropicPrices(3, 15)),
  "claude-haiku-4-5": chat("anthropic", null, 64_000, anthropicPrices(1, 5)),
  "claude-3-5-haiku": chat("anthropic", null, 8_192, anthropicPrices(0.8, 4)),
};

/** Names that vendors accept for the same priced model. */
export const MODEL_ALIASES: Readonly<Record<string, string>> = {
  "claude-opus-4": "claude-opus-4-0",
  "claude-sonnet-4": "claude-sonnet-4-0",
  "claude-3-7-sonnet-latest": "claude-3-7-sonnet",
  "claude-3-5-haiku-latest": "claude-3-5-haiku",
  "chatgpt-4o-latest": "gpt-4o",
};
