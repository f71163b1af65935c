import type { NormalizedText } from "../types";
import { foldHomoglyphUnit, isInvisible } from "./chars";
import { findEncodedSpans } from "./decode";
import { toOriginalSpan } from "./offsets";

const NON_ASCII = /[^\x00-\x7f]/;
const MARK = /^\p{M}$/u;
const WORD_CHAR = /^[\p{L}\p{N}_-]$/u;

// Per-code-unit classes for BMP characters ≥ 0x80, computed on first sight and cached (0 = not yet classified).
// STABLE: NFKC leaves the character alone, it is not invisible, not a mark and not a homoglyph, so when no combining
// mark follows it, it is copied with its own offset, exactly like ASCII. Everything else takes the cluster path.
const UNKNOWN = 0;
const STABLE = 1;
const STABLE_CONFUSABLE = 2; // NFKC-stable but a homoglyph key: copied as is, flags the text for word folding
const INVISIBLE = 3;
const MARK_START = 4; // a combining mark that is not invisible
const OTHER = 5; // NFKC changes it, or a surrogate half (the cluster path handles both)
const unitClass = new Uint8Array(0x10000);

function classify(c: number): number {
  let k = unitClass[c] ?? UNKNOWN;
  if (k !== UNKNOWN) return k;
  if (c >= 0xd800 && c <= 0xdfff) k = OTHER;
  else if (isInvisible(c)) k = INVISIBLE;
  else {
    const ch = String.fromCharCode(c);
    if (MARK.test(ch)) k = MARK_START;
    else if (ch.normalize("NFKC") !== ch) k = OTHER;
    else k = foldHomoglyphUnit(c) === 0 ? STABLE : STABLE_CONFUSABLE;
  }
  unitClass[c] = k;
  return k;
}

/**
 * Normalises text for scanning: NFKC, invisible characters removed, Cyrillic/Greek look-alikes folded to ASCII inside
 * words that already contain ASCII, and encoded spans (base64 / hex / URL-encoding) decoded. Every character of `text`
 * keeps the index of the original character it came from, so findings can be reported against the original.
 */
export function normalize(original: string): NormalizedText {
  // The common case: ASCII, or ASCII plus characters that normalise to themselves (em dashes, arrows, accented letters
  // in NFC, CJK…): nothing to do, identity offsets.
  const first = original.search(NON_ASCII);
  if (first === -1 || allStable(original, first)) return withDecoded(original, original, identityOffsets(original.length + 1));
  const n = original.length;
  // Written by index (NFKC may expand a character, so it can grow past n; trimmed at the end).
  let offsets: Int32Array = new Int32Array(n + 17);
  let m = 0;
  let text = "";
  let confusable = false;
  let i = 0;
  while (i < n) {
    // Copy the run of characters that normalise to themselves (ASCII and NFKC-stable letters) in one slice; the run's
    // last character stays behind when a combining mark follows it, so NFKC can compose the two.
    let runEnd = i;
    while (runEnd < n) {
      const c = original.charCodeAt(runEnd);
      if (c < 0x80) {
        runEnd++;
        continue;
      }
      const k = classify(c);
      if (k === STABLE) runEnd++;
      else if (k === STABLE_CONFUSABLE) {
        confusable = true;
        runEnd++;
      } else break;
    }
    if (runEnd > i && startsMark(original, runEnd)) runEnd--;
    if (runEnd > i) {
      text += original.slice(i, runEnd);
      if (m + (runEnd - i) + 1 > offsets.length) offsets = grow(offsets, m + (runEnd - i) + 1);
      for (let k = i; k < runEnd; k++) offsets[m++] = k;
      i = runEnd;
    }
    if (i >= n) break;
    const cp = original.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isInvisible(cp)) {
      i += width;
      continue;
    }
    // A cluster is a base character plus the combining marks after it; NFKC composes within it (e + ◌́ → é), so all
    // output characters map to the cluster's first original index.
    let j = i + width;
    while (j < n && startsMark(original, j)) j += (original.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
    const nfkc = clusterNfkc(original, i, j);
    if (m + nfkc.length + 1 > offsets.length) offsets = grow(offsets, m + nfkc.length + 1);
    for (let k = 0; k < nfkc.length; k++) {
      offsets[m++] = i;
      if (!confusable && foldHomoglyphUnit(nfkc.charCodeAt(k)) !== 0) confusable = true;
    }
    text += nfkc;
    i = j;
  }
  offsets[m++] = n;
  if (confusable) text = foldWords(text);
  return withDecoded(original, text, offsets.subarray(0, m));
}

/** True when every non-ASCII unit from `from` on is NFKC-stable, visible, not a mark and not a homoglyph. */
function allStable(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 && classify(c) !== STABLE) return false;
  }
  return true;
}

function grow(a: Int32Array, need: number): Int32Array {
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

// NFKC of single BMP characters (the usual cluster: a full-width letter, a ligature, a curly quote's neighbours).
const singleNfkc = new Map<number, string>();

function clusterNfkc(s: string, i: number, j: number): string {
  if (j !== i + 1) return s.slice(i, j).normalize("NFKC");
  const c = s.charCodeAt(i);
  let out = singleNfkc.get(c);
  if (out === undefined) {
    out = s.charAt(i).normalize("NFKC");
    if (c < 0xd800 || c > 0xdfff) singleNfkc.set(c, out);
  }
  return out;
}

// 0, 1, 2, … shared by every identity mapping: a text that needs no change gets a view of it, no copy.
let identity = new Int32Array(0);
function identityOffsets(length: number): Int32Array {
  if (identity.length < length) {
    identity = new Int32Array(Math.max(length, 2 * identity.length, 4096));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return identity.subarray(0, length);
}

/** True when a combining mark (not an invisible one, which is stripped instead) starts at `i`. */
function startsMark(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 0x300) return false;
  if (c < 0xd800 || c > 0xdbff) return classify(c) === MARK_START;
  const cp = s.codePointAt(i) ?? 0;
  return !isInvisible(cp) && MARK.test(String.fromCodePoint(cp));
}

// Per-code-unit "word character" flags for non-ASCII units (0 = not yet known, 1 = word, 2 = not), as `WORD_CHAR`.
const wordUnit = new Uint8Array(0x10000);

function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
  let w = wordUnit[c] ?? 0;
  if (w === 0) {
    w = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    wordUnit[c] = w;
  }
  return w === 1;
}


/**
 * Folds confusables only in words that also contain an ASCII letter or digit: `ѕk-proj…` is an obfuscated key, while
 * a word written wholly in Cyrillic is ordinary text and must stay intact for the PII detectors. A word is a maximal
 * run of word characters (per UTF-16 unit); only the words around a confusable are looked at.
 */
function foldWords(text: string): string {
  const n = text.length;
  let out = "";
  let copied = 0; // text[0, copied) is already in `out`
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c < 0x80 || foldHomoglyphUnit(c) === 0) {
      p++;
      continue;
    }
    // Confusables are word characters (Cyrillic / Greek letters): take the word around p.
    let start = p;
    while (start > 0 && isWordUnit(text.charCodeAt(start - 1))) start--;
    let end = p + 1;
    while (end < n && isWordUnit(text.charCodeAt(end))) end++;
    let hasAscii = false;
    for (let k = start; k < end; k++) {
      if (text.charCodeAt(k) < 0x80) {
        hasAscii = true;
        break;
      }
    }
    if (hasAscii) {
      out += text.slice(copied, start);
      for (let k = start; k < end; k++) {
        const f = foldHomoglyphUnit(text.charCodeAt(k));
        out += f === 0 ? text.charAt(k) : String.fromCharCode(f);
      }
      copied = end;
    }
    p = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function withDecoded(original: string, text: string, offsets: Int32Array): NormalizedText {
  const base: NormalizedText = { original, text, offsets, decoded: [] };
  const decoded = findEncodedSpans(text).map((d) => ({ ...d, ...toOriginalSpan(base, d.start, d.end) }));
  return { ...base, decoded };
}
