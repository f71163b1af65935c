import { createTokenizer, getRegexByEncoder, getSpecialTokensByEncoder, type TikTokenizer } from "@microsoft/tiktokenizer";
import cl100k from "js-tiktoken/ranks/cl100k_base";
import o200k from "js-tiktoken/ranks/o200k_base";
import { decodeCompactRanks } from "./ranks";

export type Encoding = "o200k_base" | "cl100k_base";

const sources: Record<Encoding, { bpe_ranks: string }> = { o200k_base: o200k, cl100k_base: cl100k };
const built = new Map<Encoding, TikTokenizer>();

/** The tokenizer for an encoding, built once per isolate on first use (≈ 100 ms for o200k). */
export function tokenizerFor(encoding: Encoding): TikTokenizer {
  let tokenizer = built.get(encoding);
  if (tokenizer === undefined) {
    tokenizer = createTokenizer(
      decodeCompactRanks(sources[encoding].bpe_ranks),
      getSpecialTokensByEncoder(encoding),
      getRegexByEncoder(encoding),
      8192,
    );
    built.set(encoding, tokenizer);
  }
  return tokenizer;
}

/** Exact token count of `text` (special-token text is counted as ordinary text, as providers do for user content). */
export function countTokens(text: string, encoding: Encoding): number {
  if (text === "") return 0;
  return tokenizerFor(encoding).encode(text, []).length;
}

/** UTF-8 byte length: a proven upper bound on the token count of any byte-level BPE tokenizer. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
