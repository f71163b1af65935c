import type { NormalizedText } from "../types";
import { foldHomoglyph, isInvisible } from "./chars";
import { findEncodedSpans } from "./decode";
import { toOriginalSpan } from "./offsets";

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_G = /[^\x00-\x7f]/g;
const MARK = /^\p{M}$/u;
const WORD_CHAR = /^[\p{L}\p{N}_-]$/u;

/**
 * Normalises text for scanning: NFKC, invisible characters removed, Cyrillic/Greek look-alikes folded to ASCII inside
 * words that already contain ASCII, and encoded spans (base64 / hex / URL-encoding) decoded. Every character of `text`
 * keeps the index of the original character it came from, so findings can be reported against the original.
 */
export function normalize(original: string): NormalizedText {
  // The common case is plain ASCII: nothing to normalise, identity offsets.
  if (!NON_ASCII.test(original)) return withDecoded(original, original, identityOffsets(original.length + 1));
  const offsets: number[] = [];
  let text = "";
  let confusable = false;
  let i = 0;
  while (i < original.length) {
    // Copy the ASCII run up to the next non-ASCII character in one slice; the run's last character stays behind when a
    // combining mark follows it, so NFKC can compose the two.
    NON_ASCII_G.lastIndex = i;
    const next = NON_ASCII_G.exec(original)?.index ?? original.length;
    const runEnd = next > i && startsMark(original, next) ? next - 1 : next;
    text += original.slice(i, runEnd);
    for (let k = i; k < runEnd; k++) offsets.push(k);
    i = runEnd;
    if (i >= original.length) break;
    const cp = original.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isInvisible(cp)) {
      i += width;
      continue;
    }
    // A cluster is a base character plus the combining marks after it; NFKC composes within it (e + ◌́ → é), so all
    // output characters map to the cluster's first original index.
    let j = i + width;
    while (j < original.length && startsMark(original, j)) j += (original.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
    const nfkc = original.slice(i, j).normalize("NFKC");
    for (let k = 0; k < nfkc.length; k++) {
      offsets.push(i);
      if (!confusable && foldHomoglyph(nfkc.charAt(k)) !== undefined) confusable = true;
    }
    text += nfkc;
    i = j;
  }
  offsets.push(original.length);
  if (confusable) text = foldWords(text.split(""));
  return withDecoded(original, text, offsets);
}

// 0, 1, 2, … kept for copying: a slice of a packed integer array is a block copy, much cheaper than pushing each index.
const IDENTITY_CACHE_MAX = 1 << 16;
let identity: number[] = [];

function identityOffsets(length: number): number[] {
  if (length > IDENTITY_CACHE_MAX) return Array.from({ length }, (_, i) => i);
  if (identity.length < length) {
    const grown = identity.slice();
    for (let i = grown.length; i < Math.min(IDENTITY_CACHE_MAX, Math.max(length, 2 * grown.length)); i++) grown.push(i);
    identity = grown;
  }
  return identity.slice(0, length);
}

/** True when a combining mark (not an invisible one, which is stripped instead) starts at `i`. */
function startsMark(s: string, i: number): boolean {
  if (i >= s.length || s.charCodeAt(i) < 0x300) return false;
  const cp = s.codePointAt(i) ?? 0;
  return !isInvisible(cp) && MARK.test(String.fromCodePoint(cp));
}

/**
 * Folds confusables only in words that also contain an ASCII letter or digit: `ѕk-proj…` is an obfuscated key, while
 * a word written wholly in Cyrillic is ordinary text and must stay intact for the PII detectors.
 */
function foldWords(units: string[]): string {
  let wordStart = 0;
  let hasAscii = false;
  let hasConfusable = false;
  for (let k = 0; k <= units.length; k++) {
    const ch = units[k];
    const inWord = ch !== undefined && isWordChar(ch);
    if (inWord) {
      if (ch.charCodeAt(0) < 0x80) hasAscii = true;
      else if (foldHomoglyph(ch) !== undefined) hasConfusable = true;
      continue;
    }
    if (hasAscii && hasConfusable) {
      for (let m = wordStart; m < k; m++) units[m] = foldHomoglyph(units[m] ?? "") ?? units[m] ?? "";
    }
    wordStart = k + 1;
    hasAscii = false;
    hasConfusable = false;
  }
  return units.join("");
}

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
  return WORD_CHAR.test(ch);
}

function withDecoded(original: string, text: string, offsets: number[]): NormalizedText {
  const base: NormalizedText = { original, text, offsets, decoded: [] };
  const decoded = findEncodedSpans(text).map((d) => ({ ...d, ...toOriginalSpan(base, d.start, d.end) }));
  return { ...base, decoded };
}
