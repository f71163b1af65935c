/**
 * Decodes the compact BPE rank format shipped by `js-tiktoken/ranks/*` into the dictionary
 * that `@microsoft/tiktokenizer`'s `createTokenizer` takes. The ranks travel inside the
 * Worker bundle: nothing is downloaded at run time.
 *
 * Format: one line per run of consecutive ranks, `<tag> <first rank> <base64 token> <base64 token> …`.
 */
export function decodeCompactRanks(compact: string): Map<Uint8Array, number> {
  const ranks = new Map<Uint8Array, number>();
  for (const line of compact.split("\n")) {
    if (line === "") continue;
    const parts = line.split(" ");
    const first = Number.parseInt(parts[1] ?? "", 10);
    if (!Number.isInteger(first)) throw new Error("tokenizer: malformed rank line");
    for (let i = 2; i < parts.length; i++) {
      ranks.set(base64ToBytes(parts[i] ?? ""), first + i - 2);
    }
  }
  return ranks;
}

function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
