/**
 * Finds the `concepts.ts` terms that end at a canonical position, using the hashes the featuriser has already
 * computed for the char n-grams ending there: a term's slot is the top bits of the same Fibonacci-mixed FNV hash of
 * its last min(length, 4) characters. Small tables (8–32 KB) answer "could a term end here" with one load per n-gram
 * length; only candidates are compared character by character.
 */
import { CONCEPTS } from "./concepts";

export const FNV = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
export const FIB = 0x9e3779b1;
const CONCEPT_SALT = 0x3c6ef372;

interface Term {
  readonly codes: Uint16Array;
  readonly concept: number;
  /** The term must start a word (its first character is Latin, Greek or Cyrillic). */
  readonly wordStart: boolean;
}

const TERMS: Term[] = [];
/**
 * Per tail length k = min(term length, 4): slot (the top `SLOT_BITS[k]` bits of the k-gram's mixed hash) → 1 + index
 * into SLOT_TERMS of the terms with that tail, 0 = none. Separate tables per length keep a common English bigram from
 * colliding with the slot of a long term: ~3 % of positions reach a character comparison.
 */
export const SLOT_SHIFT = [0, 0, 20, 20, 18] as const;
export const CONCEPT_SLOTS = [new Uint16Array(0), new Uint16Array(0), new Uint16Array(1 << 12), new Uint16Array(1 << 12), new Uint16Array(1 << 14)] as const;
const SLOT_TERMS: number[][] = [];
/** Features per concept occurrence: a single bucket among a window's hundreds weighs too little to carry over. */
export const CONCEPT_FEATURES = 4;
/** Per concept, its CONCEPT_FEATURES feature hashes before masking to the bucket count. */
export const CONCEPT_HASH: number[][] = [];

Object.values(CONCEPTS).forEach((terms, concept) => {
  CONCEPT_HASH.push(Array.from({ length: CONCEPT_FEATURES }, (_, r) => Math.imul(CONCEPT_SALT ^ (concept * 8 + r), FIB)));
  for (const term of terms) {
    const codes = Uint16Array.from(term, (ch) => ch.charCodeAt(0));
    if (codes.length < 2 || term !== term.toLowerCase() || /\s\s|\d/.test(term)) throw new Error(`injection concept term "${term}" is not canonical`);
    const id = TERMS.push({ codes, concept, wordStart: (codes[0] ?? 0) < 0x590 }) - 1;
    const k = Math.min(codes.length, 4);
    const table = CONCEPT_SLOTS[k as 2 | 3 | 4];
    const slot = tailHash(codes, k) >>> SLOT_SHIFT[k as 2 | 3 | 4];
    if ((table[slot] ?? 0) === 0) table[slot] = SLOT_TERMS.push([]);
    SLOT_TERMS[(table[slot] ?? 1) - 1]?.push(id);
  }
});
if (SLOT_TERMS.length >= 1024) throw new Error("injection concepts: too many distinct term slots (10-bit entries)");

/** The mixed hash the featuriser computes for the k-gram made of a term's last k characters. */
function tailHash(codes: Uint16Array, k: number): number {
  let h = FNV;
  for (let i = 0; i < k; i++) h = Math.imul(h ^ (codes[codes.length - 1 - i] ?? 0), FNV_PRIME);
  return Math.imul(h ^ k, FIB);
}

/**
 * Writes the concept features of the terms in slot entry `entry` that end at position `j` of `b` into `out` from `k`,
 * never past index `limit`; returns the new `k`. `isWordChar` decides word starts.
 */
export function emitConcepts(entry: number, b: Uint16Array, j: number, shift: number, out: Int32Array, k: number, limit: number, isWordChar: (c: number) => boolean): number {
  let n = k;
  for (const id of SLOT_TERMS[entry - 1] ?? []) {
    const t = TERMS[id];
    if (t === undefined || n + CONCEPT_FEATURES > limit) continue;
    const len = t.codes.length;
    const start = j - len + 1;
    if (start < 0) continue;
    let q = 0;
    while (q < len && b[start + q] === t.codes[q]) q++;
    if (q < len || (t.wordStart && start > 0 && isWordChar(b[start - 1] ?? 32))) continue;
    for (const h of CONCEPT_HASH[t.concept] ?? []) out[n++] = h >>> shift;
  }
  return n;
}
