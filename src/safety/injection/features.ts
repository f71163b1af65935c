/**
 * The injection classifier's featuriser: hashed character n-grams plus word unigrams/bigrams, sublinear counts,
 * L2-normalised. It is the ONE definition used both by `scripts/train-injection.mjs` (which bundles this file with
 * esbuild) and by the Worker, so training and serving featurise byte-for-byte identically. Keep it dependency-free.
 *
 * Linear time: every character is visited a constant number of times (charMax hash steps per position, one word-hash
 * step), and accumulation goes into a reused typed array with a touched-list, so no Map or string slicing per n-gram.
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

// Scratch reused across calls: a Worker isolate is single-threaded and featurize() is synchronous, so sharing is safe.
let counts = new Float32Array(0);
let touched: Uint32Array = new Uint32Array(1024);
// 1 + ln(count) for small counts: most buckets hold 1–3, and Math.log per bucket was a visible share of the time.
const LOG_TABLE = Float32Array.from({ length: 64 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));

export function featurize(text: string, params: FeatureParams = DEFAULT_FEATURE_PARAMS): SparseFeatures {
  if (counts.length !== params.buckets) counts = new Float32Array(params.buckets);
  const mask = params.buckets - 1;
  const s = canonical(text);
  let nTouched = 0;
  // murmur3 finaliser before masking: FNV's low bits are weak, and the bucket is the low bits.
  const add = (hash: number): void => {
    let h = hash;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const b = h & mask;
    const c = counts[b] ?? 0;
    if (c === 0) {
      if (nTouched === touched.length) touched = grow(touched);
      touched[nTouched++] = b;
    }
    counts[b] = c + 1;
  };

  // Character n-grams: extend one FNV-1a hash from each start so lengths charMin..charMax cost charMax steps total.
  for (let i = 0; i < s.length; i++) {
    let h = 0x811c9dc5;
    for (let n = 1; n <= params.charMax && i + n <= s.length; n++) {
      h = Math.imul(h ^ s.charCodeAt(i + n - 1), 0x01000193);
      if (n >= params.charMin) add(h ^ (n * 0x9e3779b1));
    }
  }

  // Words: runs of word characters; the hash is built while scanning, bigrams combine the previous word's hash.
  let prev = 0;
  let hasPrev = false;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (isWordChar(c)) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
      continue;
    }
    if (!inWord) continue;
    add(h ^ 0x5bd1e995);
    if (params.wordBigrams && hasPrev) add(Math.imul(prev, 31) ^ h ^ 0x27d4eb2f);
    prev = h;
    hasPrev = true;
    h = 0x811c9dc5;
    inWord = false;
  }

  const indices = touched.slice(0, nTouched);
  const values = new Float32Array(nTouched);
  let norm = 0;
  for (let k = 0; k < nTouched; k++) {
    const b = indices[k] ?? 0;
    // Sublinear counts so a long jailbreak that repeats a phrase does not drown every other feature.
    const c = counts[b] ?? 1;
    const v = c < LOG_TABLE.length ? (LOG_TABLE[c] ?? 1) : 1 + Math.log(c);
    values[k] = v;
    norm += v * v;
    counts[b] = 0;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < nTouched; k++) values[k] = (values[k] ?? 0) * inv;
  return { indices, values };
}

/** Lower-case, digits folded to `0`, whitespace runs collapsed to one space, padded so edge n-grams exist. */
function canonical(text: string): string {
  return ` ${text.toLowerCase().replace(/\d/g, "0").replace(/\s+/g, " ").trim()} `;
}

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
  // Non-ASCII: treat letters of every script as word characters except the common punctuation blocks.
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f);
}

function grow(a: Uint32Array): Uint32Array {
  const grown = new Uint32Array(a.length * 2);
  grown.set(a);
  return grown;
}
