/**
 * Scores text with the linear injection model. Text is scored in overlapping windows and the maximum is kept, because
 * an injection buried in a long retrieved document is diluted to nothing when the whole document is one L2-normalised
 * vector. The training script scores its held-out rows with this same function, so the calibrated threshold applies
 * to exactly what the Worker computes.
 *
 * Streaming: windows are `window / stride` consecutive blocks of `stride` canonical positions. Each block is
 * featurised once into a small ring of block buffers (a few KB, so it stays in cache however long the text is); the
 * scorer keeps per-bucket counts of the current window, the number of distinct buckets present and the integer sum of
 * their weights, adds the entering block and removes the leaving one, O(1) per feature. Features are binary, so the
 * margin is bias + scale · Σw / √distinct, all integer arithmetic until that one division per window.
 */
import { canonicalise, emitRange, maxFeaturesPerPosition, type FeatureParams } from "./features";

export interface LinearModel {
  readonly params: FeatureParams;
  /** Integer weight per hash bucket (int8 as shipped); the margin uses `weights[b] * weightScale`. */
  readonly weights: ArrayLike<number>;
  readonly weightScale?: number;
  readonly bias: number;
  /** Window length and stride in canonical characters (window a multiple of stride); shorter text is scored whole. */
  readonly window: number;
  readonly stride: number;
}

export interface WindowScore {
  /** Probability-like score in (0, 1): the logistic of the best window's margin. */
  readonly score: number;
  /** The best window, as offsets into the text that was scored. */
  readonly start: number;
  readonly end: number;
}

// Per bucket: weight << 16 | count in the current window, so one random access reads both (the count half of every
// touched bucket is reset to 0 before returning). Built once per weights array.
let table = new Int32Array(0);
let tableFor: ArrayLike<number> | undefined;
let ring: Int32Array[] = [];
let ringLen = new Int32Array(0);

export function scoreText(text: string, model: LinearModel): WindowScore {
  const { length: n, origin } = canonicalise(text);
  const params = model.params;
  const stride = Math.max(1, model.stride);
  const nb = Math.max(1, Math.round(model.window / stride));
  prepare(model, stride, nb);
  const tab = table;
  const scale = model.weightScale ?? 1;
  const blocks = Math.ceil(n / stride);
  let dot = 0; // Σ weights of the distinct buckets present
  let distinct = 0;
  let bestMargin = -Infinity;
  let bestA = 0;
  let bestB = n;
  for (let k = 0; k < blocks; k++) {
    const from = k * stride;
    const to = Math.min(n, from + stride);
    const slot = ring[k % nb] ?? new Int32Array(0);
    const len = emitRange(params, from, to, slot);
    ringLen[k % nb] = len;
    for (let q = 0; q < len; q++) {
      const bucket = slot[q] ?? 0;
      const v = tab[bucket] ?? 0;
      tab[bucket] = v + 1;
      if ((v & 0xffff) === 0) {
        dot += v >> 16;
        distinct++;
      }
    }
    if (k >= nb - 1 || k === blocks - 1) {
      const margin = model.bias + (distinct > 0 ? (scale * dot) / Math.sqrt(distinct) : 0);
      if (margin > bestMargin) {
        bestMargin = margin;
        bestA = Math.max(0, k - nb + 1) * stride;
        bestB = to;
      }
    }
    if (k >= nb - 1 && k < blocks - 1) {
      // Remove the oldest block of the window.
      const old = ring[(k + 1) % nb] ?? new Int32Array(0);
      const oldLen = ringLen[(k + 1) % nb] ?? 0;
      for (let q = 0; q < oldLen; q++) {
        const bucket = old[q] ?? 0;
        const v = (tab[bucket] ?? 1) - 1;
        tab[bucket] = v;
        if ((v & 0xffff) === 0) {
          dot -= v >> 16;
          distinct--;
        }
      }
    }
  }
  // Reset the counts of the blocks still in the last window.
  for (let k = Math.max(0, blocks - nb); k < blocks; k++) {
    const slot = ring[k % nb] ?? new Int32Array(0);
    const len = ringLen[k % nb] ?? 0;
    for (let q = 0; q < len; q++) {
      const bucket = slot[q] ?? 0;
      tab[bucket] = (tab[bucket] ?? 0) & ~0xffff;
    }
  }
  const start = origin[bestA] ?? 0;
  const endOff = bestB >= n ? text.length : Math.min(text.length, (origin[bestB - 1] ?? text.length - 1) + 1);
  return { score: 1 / (1 + Math.exp(-bestMargin)), start: Math.min(start, endOff), end: endOff };
}

function prepare(model: LinearModel, stride: number, nb: number): void {
  const { params, weights } = model;
  if (tableFor !== weights) {
    if (weights.length !== params.buckets) throw new Error("injection model: weight count does not match buckets");
    table = Int32Array.from({ length: params.buckets }, (_, b) => Math.round(weights[b] ?? 0) * 0x10000);
    tableFor = weights;
  }
  const size = stride * maxFeaturesPerPosition(params);
  if (ring.length !== nb || (ring[0]?.length ?? 0) < size) {
    ring = Array.from({ length: nb }, () => new Int32Array(size));
    ringLen = new Int32Array(nb);
  }
}

/** The canonical windows `scoreText` evaluates, as [a, b) pairs (training adds them as examples). */
export function windowRanges(length: number, window: number, stride: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; ; a += stride) {
    const b = Math.min(length, a + window);
    out.push([a, b]);
    if (b >= length) return out;
  }
}
