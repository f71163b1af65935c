/**
 * The injection classifier's featuriser: hashed character n-grams plus word unigrams/bigrams, sublinear counts,
 * L2-normalised. It is the ONE definition used both by `scripts/train-injection.mjs` (which bundles this file with
 * esbuild) and by the Worker, so training and serving featurise byte-for-byte identically. Keep it dependency-free.
 *
 * One pass over char codes, no string allocation per n-gram:
 *   1. `canonicalise` writes the lower-cased, digit-folded, whitespace-collapsed text into a reused Uint16Array (with a
 *      map back to the input offsets), padded with one space at each end.
 *   2. `extract` walks that buffer once; at each position j it emits the buckets of every feature that ENDS at j (char
 *      n-grams of length charMin..charMax ending at j, hashed backwards from j; the word ending at j and its bigram
 *      with the previous word, hashed while scanning). `posStart[j]` indexes the first bucket emitted at j, so the
 *      features of any window [a, b) are exactly `buckets[posStart[a] .. posStart[b])`.
 * A window's vector is therefore a pure function of the per-position buckets, and `score.ts` slides windows over them
 * by adding the entering positions and removing the leaving ones instead of re-featurising overlapping text.
 */

export interface FeatureParams {
  /** Number of hash buckets; a power of two so the bucket is a mask. */
  readonly buckets: number;
  /** Character n-gram lengths [charMin, charMax] over the lower-cased, whitespace-collapsed text. */
  readonly charMin: number;
  readonly charMax: number;
  /** Also emit word bigrams (unigrams are always emitted). */
  readonly wordBigrams: boolean;
}

export interface SparseFeatures {
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}

export const DEFAULT_FEATURE_PARAMS: FeatureParams = { buckets: 1 << 18, charMin: 3, charMax: 5, wordBigrams: true };

/** The extracted features of one text. Views into scratch buffers: valid until the next `extract` call. */
export interface Extracted {
  /** Canonical length (including the two pad spaces). */
  readonly length: number;
  /** Bucket of every feature, grouped by the canonical position it ends at. */
  readonly buckets: Int32Array;
  /** `posStart[j]` = index in `buckets` of the first feature ending at position j; `posStart[length]` = total. */
  readonly posStart: Int32Array;
  /** `origin[j]` = offset in the input text of canonical position j (pads map to the first / past-the-last char). */
  readonly origin: Int32Array;
}

// Scratch reused across calls: a Worker isolate is single-threaded and every entry point is synchronous.
let buf = new Uint16Array(1024);
let origin = new Int32Array(1024);
let posStart = new Int32Array(1024);
let feat = new Int32Array(8192);

/** 1 + ln(count) (0 for count 0) and the deltas used when a count goes c → c+1. */
export const LOG_TABLE = Float64Array.from({ length: 256 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));

export function sublinear(c: number): number {
  return c < LOG_TABLE.length ? (LOG_TABLE[c] ?? 0) : 1 + Math.log(c);
}

export function extract(text: string, params: FeatureParams = DEFAULT_FEATURE_PARAMS): Extracted {
  const n = canonicalise(text);
  const mask = params.buckets - 1;
  const { charMin, charMax, wordBigrams } = params;
  if (posStart.length < n + 1) posStart = new Int32Array(2 * n + 2);
  // Upper bound on features: (charMax - charMin + 1) char n-grams + 2 word features per position.
  const need = n * (charMax - charMin + 3) + 8;
  if (feat.length < need) feat = new Int32Array(2 * need);
  const b = buf;
  const out = feat;
  const ps = posStart;
  let k = 0;
  let wordHash = 0x811c9dc5;
  let inWord = false;
  let prevWord = 0;
  let hasPrev = false;
  for (let j = 0; j < n; j++) {
    ps[j] = k;
    const c = b[j] ?? 32;
    // Char n-grams ending at j, hashed from j backwards (FNV-1a), one emission per length in [charMin, charMax].
    if (j + 1 >= charMin) {
      let h = 0x811c9dc5;
      const maxLen = j + 1 < charMax ? j + 1 : charMax;
      for (let len = 1; len <= maxLen; len++) {
        h = Math.imul(h ^ (b[j - len + 1] ?? 0), 0x01000193);
        if (len >= charMin) out[k++] = mix(h ^ Math.imul(len, 0x9e3779b1)) & mask;
      }
    }
    // Words: runs of word characters; emitted at their last character.
    if (isWordChar(c)) {
      wordHash = Math.imul(wordHash ^ c, 0x01000193);
      inWord = true;
      const next = j + 1 < n ? (b[j + 1] ?? 32) : 32;
      if (!isWordChar(next)) {
        out[k++] = mix(wordHash ^ 0x5bd1e995) & mask;
        if (wordBigrams && hasPrev) out[k++] = mix(Math.imul(prevWord, 31) ^ wordHash ^ 0x27d4eb2f) & mask;
        prevWord = wordHash;
        hasPrev = true;
        wordHash = 0x811c9dc5;
        inWord = false;
      }
    } else if (inWord) {
      wordHash = 0x811c9dc5;
      inWord = false;
    }
  }
  ps[n] = k;
  return { length: n, buckets: out, posStart: ps, origin };
}

/** The sparse, L2-normalised vector of canonical window [a, b) of an extraction (training and tests). */
export function windowVector(ex: Extracted, a: number, b: number): SparseFeatures {
  const counts = new Map<number, number>();
  for (let k = ex.posStart[a] ?? 0; k < (ex.posStart[b] ?? 0); k++) {
    const bucket = ex.buckets[k] ?? 0;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const indices = new Uint32Array(counts.size);
  const values = new Float32Array(counts.size);
  let norm = 0;
  let i = 0;
  for (const [bucket, c] of counts) {
    const v = sublinear(c);
    indices[i] = bucket;
    values[i++] = v;
    norm += v * v;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let q = 0; q < values.length; q++) values[q] = (values[q] ?? 0) * inv;
  return { indices, values };
}

/** The whole text as one vector (what a text no longer than the window is scored as). */
export function featurize(text: string, params: FeatureParams = DEFAULT_FEATURE_PARAMS): SparseFeatures {
  const ex = extract(text, params);
  return windowVector(ex, 0, ex.length);
}

/**
 * Canonical text into `buf`: lower-case, ASCII digits folded to `0`, whitespace runs collapsed to one space, trimmed,
 * padded with one space at each end so edge n-grams exist. Returns the canonical length.
 */
function canonicalise(text: string): number {
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
    if (isSpace(c)) {
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
  return n;
}

// Slow path only (text whose lower-casing changes length): lower-case one UTF-16 unit at a time, memoised.
const lowerMemo = new Map<number, number>([[0x130, 0x69]]); // İ → i (its full lower case is i + U+0307)

/**
 * `text.toLowerCase()` when that keeps the length (so offsets stay valid), else a unit-by-unit lower-casing that does.
 * Shared with the signature rules, which match on the lower-cased text.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : lowerEach(text);
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

/** The characters JavaScript's `\s` matches. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
  // Non-ASCII: treat letters of every script as word characters except the common punctuation blocks.
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f);
}

/** murmur3 finaliser before masking: FNV's low bits are weak, and the bucket is the low bits. */
function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
