/**
 * Reply vocabulary. Each word is exactly one token in both o200k_base and cl100k_base, also when
 * concatenated (each starts with a space, so the pre-tokenizer splits them apart): a reply of N words
 * is exactly N tokens. Checked by mock-provider/test/words.test.ts.
 */
export const WORDS: readonly string[] = [
  " the", " quick", " brown", " fox", " jumps", " over", " lazy", " dog", " and", " runs", " away", " from", " a",
  " big", " red", " cat", " in", " green", " field", " under", " blue", " sky", " while", " small", " birds", " sing",
];

/** The first `n` reply tokens, cycling through the vocabulary. */
export function replyWords(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[i % WORDS.length] ?? " the");
  return out;
}

/** Tool-call arguments, and the same text split into its tokens (one per streamed fragment, in both encodings). */
export const TOOL_ARGUMENTS = '{"q":"mock"}';
export const TOOL_ARGUMENT_FRAGMENTS: readonly string[] = ['{"', "q", '":"', "mock", '"}'];
