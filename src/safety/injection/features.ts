/**
 * The injection classifier's featuriser: hashed character 2–4-grams, word unigrams (word bigrams optional) and
 * multilingual concept features (`concept-match.ts`) over a canonical form of the text; binary (present / absent) per
 * window and L2-normalised, so each present bucket weighs 1/√(distinct buckets in the window) (binary did as well as
 * sublinear counts in CV and makes scoring integer-only). It is the ONE definition used both by
 * `scripts/train-injection.mjs` (which bundles this file with esbuild) and by the Worker, so training and serving
 * featurise identically. Keep it dependency-free.
 *
 * No string is allocated per feature:
 *   1. `canonicalise` writes the lower-cased, digit-folded, whitespace-collapsed text into a reused Uint16Array (with a
 *      map back to the input offsets), padded with one space at each end.
 *   2. `emitRange` walks positions [from, to) of that buffer and writes the bucket of every feature that ENDS at each
 *      position: char n-grams (hashed backwards from the position, the three previous characters kept in locals), the
 *      word that the character at the position ends, and the concepts of lexicon terms ending there. The features of a
 *      window [a, b) are exactly those emitted at a..b-1, so `score.ts` featurises each block of text once.
 * Buckets are Fibonacci hashes (multiply, keep the high bits) of an FNV-1a hash over the char codes.
 */

import { CONCEPT_FEATURES, CONCEPT_SLOTS, emitConcepts, FIB, FNV, FNV_PRIME, SLOT_SHIFT } from "./concept-match";

const [, , T2, T3, T4] = CONCEPT_SLOTS;

export interface FeatureParams {
  /** Number of hash buckets; a power of two. */
  readonly buckets: number;
  /** Character n-gram lengths [charMin, charMax] over the canonical text. */
  readonly charMin: number;
  readonly charMax: number;
  /** Also emit word bigrams (word unigrams are always emitted). */
  readonly wordBigrams: boolean;
  /** Also emit CONCEPT_FEATURES features per `concepts.ts` term occurrence (its concept, shared across languages). */
  readonly concepts: boolean;
}

export interface SparseFeatures {
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}

export const DEFAULT_FEATURE_PARAMS: FeatureParams = { buckets: 1 << 16, charMin: 2, charMax: 4, wordBigrams: false, concepts: true };

/** Canonical text of the last `canonicalise` call (scratch, reused; valid until the next call). */
export interface Canonical {
  /** Canonical length (including the two pad spaces). */
  readonly length: number;
  readonly chars: Uint16Array;
  /** `origin[j]` = offset in the input text of canonical position j (pads map to the first / past-the-last char). */
  readonly origin: Int32Array;
}

/** The extracted features of one whole text (training and tests). Views into scratch: valid until the next call. */
export interface Extracted {
  readonly length: number;
  /** Bucket of every feature, grouped by the canonical position it ends at. */
  readonly buckets: Int32Array;
  /** `posStart[j]` = index in `buckets` of the first feature ending at position j; `posStart[length]` = total. */
  readonly posStart: Int32Array;
  readonly origin: Int32Array;
}

// Scratch reused across calls: a Worker isolate is single-threaded and every entry point is synchronous.
let buf = new Uint16Array(1024);
let origin = new Int32Array(1024);
let posStart = new Int32Array(1024);
let feat = new Int32Array(8192);

/** Upper bound on the features one position can emit. */
export function maxFeaturesPerPosition(params: FeatureParams): number {
  return params.charMax - params.charMin + 1 + (params.wordBigrams ? 2 : 1) + (params.concepts ? 2 * CONCEPT_FEATURES : 0);
}

const WORD_SALT = 0x5bd1e995;
const BIGRAM_SALT = 0x27d4eb2f;

/**
 * Writes the buckets of the features ending at canonical positions [from, to) into `out` (from index 0) and returns
 * how many were written; `starts`, when given, receives the index of each position's first feature at
 * `starts[j - startsBase]`. Word state is carried in module variables, so ranges must be emitted in order from 0.
 */
export function emitRange(params: FeatureParams, from: number, to: number, out: Int32Array, starts?: Int32Array, startsBase = 0): number {
  const b = buf;
  const shift = 32 - Math.log2(params.buckets);
  const { charMin, charMax, wordBigrams, concepts } = params;
  let k = 0;
  let wordHash = from === 0 ? FNV : carryWord;
  let prevWord = from === 0 ? 0 : carryPrev;
  let hasPrev = from === 0 ? false : carryHasPrev;
  let inWord = from === 0 ? false : carryInWord;
  // The shipped lengths (2..4) unrolled, with the three previous chars in locals.
  const fast = charMin === 2 && charMax === 4;
  let p1 = from >= 1 ? (b[from - 1] ?? 0) : 0;
  let p2 = from >= 2 ? (b[from - 2] ?? 0) : 0;
  let p3 = from >= 3 ? (b[from - 3] ?? 0) : 0;
  for (let j = from; j < to; j++) {
    if (starts !== undefined) starts[j - startsBase] = k;
    const c = b[j] ?? 32;
    // Char n-grams ending at j, hashed from j backwards; one emission per length in [charMin, charMax]. The mixed hash
    // of the 2-, 3- and 4-gram also keys the concept table (its top 12 bits).
    let h = Math.imul(FNV ^ c, FNV_PRIME);
    let slots = 0;
    if (fast && j >= 3) {
      h = Math.imul(h ^ p1, FNV_PRIME);
      const x2 = Math.imul(h ^ 2, FIB);
      out[k++] = x2 >>> shift;
      h = Math.imul(h ^ p2, FNV_PRIME);
      const x3 = Math.imul(h ^ 3, FIB);
      out[k++] = x3 >>> shift;
      h = Math.imul(h ^ p3, FNV_PRIME);
      const x4 = Math.imul(h ^ 4, FIB);
      out[k++] = x4 >>> shift;
      if (concepts) slots = ((T2[x2 >>> 20] ?? 0) << 20) | ((T3[x3 >>> 20] ?? 0) << 10) | (T4[x4 >>> 18] ?? 0);
    } else {
      if (charMin <= 1) out[k++] = Math.imul(h ^ 1, FIB) >>> shift;
      const maxLen = Math.min(j + 1, Math.max(4, charMax));
      for (let len = 2; len <= maxLen; len++) {
        h = Math.imul(h ^ (b[j - len + 1] ?? 0), FNV_PRIME);
        const x = Math.imul(h ^ len, FIB);
        if (len >= charMin && len <= charMax) out[k++] = x >>> shift;
        if (concepts && len <= 4) slots |= (CONCEPT_SLOTS[len as 2 | 3 | 4][x >>> SLOT_SHIFT[len as 2 | 3 | 4]] ?? 0) << (10 * (4 - len));
      }
    }
    if (slots !== 0) {
      const limit = k + 2 * CONCEPT_FEATURES; // at most two concepts end at one position
      for (let q = 0; q < 3; q++) {
        const entry = (slots >>> (10 * q)) & 0x3ff;
        if (entry !== 0) k = emitConcepts(entry, b, j, shift, out, k, limit, isWordChar);
      }
    }
    p3 = p2;
    p2 = p1;
    p1 = c;
    // Words: runs of word characters, emitted at the character that ends them (the canonical text ends with a space).
    if (isWordChar(c)) {
      wordHash = Math.imul(wordHash ^ c, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      out[k++] = Math.imul(wordHash ^ WORD_SALT, FIB) >>> shift;
      if (wordBigrams && hasPrev) out[k++] = Math.imul(Math.imul(prevWord, 31) ^ wordHash ^ BIGRAM_SALT, FIB) >>> shift;
      prevWord = wordHash;
      hasPrev = true;
      wordHash = FNV;
      inWord = false;
    }
  }
  carryWord = wordHash;
  carryInWord = inWord;
  carryPrev = prevWord;
  carryHasPrev = hasPrev;
  return k;
}

let carryWord = FNV;
let carryInWord = false;
let carryPrev = 0;
let carryHasPrev = false;

/** Every feature of the whole text, grouped by position (training, tests). */
export function extract(text: string, params: FeatureParams = DEFAULT_FEATURE_PARAMS): Extracted {
  const n = canonicalise(text).length;
  if (posStart.length < n + 1) posStart = new Int32Array(2 * n + 2);
  const need = n * maxFeaturesPerPosition(params) + 8;
  if (feat.length < need) feat = new Int32Array(2 * need);
  const total = emitRange(params, 0, n, feat, posStart);
  posStart[n] = total;
  return { length: n, buckets: feat, posStart, origin };
}

/** The sparse, L2-normalised binary vector of canonical window [a, b) of an extraction (training and tests). */
export function windowVector(ex: Extracted, a: number, b: number): SparseFeatures {
  const seen = new Set<number>();
  for (let k = ex.posStart[a] ?? 0; k < (ex.posStart[b] ?? 0); k++) seen.add(ex.buckets[k] ?? 0);
  const indices = Uint32Array.from(seen);
  const values = new Float32Array(indices.length).fill(indices.length > 0 ? 1 / Math.sqrt(indices.length) : 0);
  return { indices, values };
}

/** The whole text as one vector (what a text no longer than the window is scored as). */
export function featurize(text: string, params: FeatureParams = DEFAULT_FEATURE_PARAMS): SparseFeatures {
  const ex = extract(text, params);
  return windowVector(ex, 0, ex.length);
}

/**
 * Canonical text into the scratch buffer: lower-case, ASCII digits folded to `0`, whitespace runs collapsed to one
 * space, trimmed, padded with one space at each end so edge n-grams exist.
 */
export function canonicalise(text: string): Canonical {
  const lower = lowerSameLength(text);
  const len = lower.length;
  if (buf.length < len + 2) {
    buf = new Uint16Array(2 * len + 2);
    origin = new Int32Array(2 * len + 2);
  }
  const b = buf;
  const o = origin;
  b[0] = 32;
  let n = 1;
  let pendingSpace = -1; // offset of the first whitespace of a pending run, -1 if none
  let first = -1;
  for (let i = 0; i < len; i++) {
    let c = lower.charCodeAt(i);
    if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && isSpace(c)) {
      if (pendingSpace < 0 && first >= 0) pendingSpace = i;
      continue;
    }
    if (first < 0) first = i;
    if (pendingSpace >= 0) {
      b[n] = 32;
      o[n++] = pendingSpace;
      pendingSpace = -1;
    }
    if (c >= 48 && c <= 57) c = 48;
    b[n] = c;
    o[n++] = i;
  }
  o[0] = first < 0 ? 0 : first;
  b[n] = 32;
  o[n++] = len;
  return { length: n, chars: b, origin: o };
}

// One-entry memo: the signatures and the classifier lower-case the same normalised text back to back.
let memoText = "";
let memoLower = "";
// Slow path only (text whose lower-casing changes length): lower-case one UTF-16 unit at a time, memoised.
const lowerMemo = new Map<number, number>([[0x130, 0x69]]); // İ → i (its full lower case is i + U+0307)

/**
 * `text.toLowerCase()` when that keeps the length (so offsets stay valid), else a unit-by-unit lower-casing that does.
 * Shared with the signature rules, which match on the lower-cased text; the last result is memoised.
 */
export function lowerSameLength(text: string): string {
  if (text === memoText) return memoLower;
  let lower = text.toLowerCase();
  // U+0130 (İ) is the one character whose lower case is longer (i + U+0307); fold it to i first.
  if (lower.length !== text.length) lower = text.replaceAll("\u0130", "i").toLowerCase();
  memoLower = lower.length === text.length ? lower : lowerEach(text);
  memoText = text;
  return memoLower;
}

function lowerEach(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) codes[i] = c >= 65 && c <= 90 ? c + 32 : c;
    else {
      let l = lowerMemo.get(c);
      if (l === undefined) {
        const s = String.fromCharCode(c).toLowerCase();
        l = s.length === 1 ? s.charCodeAt(0) : c;
        lowerMemo.set(c, l);
      }
      codes[i] = l;
    }
  }
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

/** The characters ≥ U+00A0 that JavaScript's `\s` matches (the caller handles ASCII). */
function isSpace(c: number): boolean {
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0));

function isWordChar(c: number): boolean {
  if (c < 128) return ASCII_WORD[c] === 1;
  // Non-ASCII: treat letters of every script as word characters except the common punctuation blocks.
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f);
}
