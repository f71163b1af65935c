import { countTokens, utf8Length } from "../../tokenizer/count-tokens";
import type { ModelPrice } from "../../pricing/lookup";
import type { PromptPieces } from "./prompt-pieces";

/** Per-message framing tokens (OpenAI uses 3–4; Anthropic does not publish it) and the reply priming. */
const PER_MESSAGE = 8;
const PRIMING = 8;

/**
 * An upper bound of the prompt's token count. With the model's exact tokenizer: the exact text count plus
 * generous framing. Without one (Anthropic): UTF-8 bytes, which no byte-level BPE tokenizer can exceed.
 */
export function promptTokenBound(pieces: PromptPieces, price: ModelPrice): number {
  const encoding = price.encoding;
  let tokens = 0;
  for (const text of pieces.texts) tokens += encoding === null ? utf8Length(text) : countTokens(text, encoding);
  tokens += pieces.images * price.imageTokenBound;
  tokens += pieces.opaqueBytes;
  tokens += pieces.messages * PER_MESSAGE + (pieces.messages > 0 ? PRIMING : 0);
  return tokens;
}

/** Micro-dollar bound of the prompt: prompt cache writes cost more than plain input, so they bound it when requested. */
export function promptMicrosBound(tokens: number, price: ModelPrice, usesPromptCache: boolean): number {
  const p = price.microsPerMillion;
  const perMillion = usesPromptCache ? Math.max(p.input, p.cacheWrite) : p.input;
  return Math.ceil((tokens * perMillion) / 1_000_000);
}
