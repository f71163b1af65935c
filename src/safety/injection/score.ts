/**
 * Scores text with the linear injection model. Long text is scored in overlapping windows and the maximum is kept,
 * because an injection buried in a long retrieved document is diluted to nothing when the whole document is one
 * L2-normalised vector. The training script scores its held-out rows with this same function, so the calibrated
 * threshold applies to exactly what the Worker computes.
 *
 * Incremental: the text is featurised once (`extract`), then a window slides over the per-position buckets keeping
 * per-bucket counts, the sum of squared sublinear counts and the (unnormalised) dot product with the weights; moving
 * the window by `stride` adds the entering positions' features and removes the leaving ones, O(1) each. No feature
 * vector is materialised, and the weights are read straight from the int8 array (times one scale at the end).
 */
import { extract, LOG_TABLE, sublinear, type FeatureParams } from "./features";

export interface LinearModel {
  readonly params: FeatureParams;
  /** Weight per hash bucket (int8 as shipped, or float while training); the margin uses `weights[b] * weightScale`. */
  readonly weights: ArrayLike<number>;
  readonly weightScale?: number;
  readonly bias: number;
  /** Window length and stride in canonical characters; text no longer than `window` is scored whole. */
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

// Per-bucket counts of the current window (scratch; every touched bucket is decremented back to 0 before returning).
let counts = new Uint16Array(0);
// Δ of 1+ln(c) and of its square when a count goes c → c+1.
const D1 = Float64Array.from({ length: LOG_TABLE.length - 1 }, (_, c) => sublinear(c + 1) - sublinear(c));
const D2 = Float64Array.from({ length: LOG_TABLE.length - 1 }, (_, c) => sublinear(c + 1) ** 2 - sublinear(c) ** 2);

export function scoreText(text: string, model: LinearModel): WindowScore {
  const ex = extract(text, model.params);
  const { buckets, posStart, origin, length: n } = ex;
  if (counts.length !== model.params.buckets) counts = new Uint16Array(model.params.buckets);
  const cnt = counts;
  const w = model.weights;
  const scale = model.weightScale ?? 1;
  const window = Math.max(1, model.window);
  const stride = Math.max(1, Math.min(model.stride, window));
  let dot = 0;
  let ss = 0;
  let bestMargin = -Infinity;
  let bestA = 0;
  let bestB = n;
  let a = 0; // current window [a, b)
  let b = 0;
  for (;;) {
    const end = Math.min(n, a + window);
    // Add positions [b, end).
    for (let k = posStart[b] ?? 0, stop = posStart[end] ?? 0; k < stop; k++) {
      const bucket = buckets[k] ?? 0;
      const c = cnt[bucket] ?? 0;
      cnt[bucket] = c + 1;
      const wb = w[bucket] ?? 0;
      if (c < D1.length) {
        dot += wb * (D1[c] ?? 0);
        ss += D2[c] ?? 0;
      } else {
        const l0 = sublinear(c);
        const l1 = sublinear(c + 1);
        dot += wb * (l1 - l0);
        ss += l1 * l1 - l0 * l0;
      }
    }
    b = end;
    const margin = model.bias + (ss > 1e-9 ? (scale * dot) / Math.sqrt(ss) : 0);
    if (margin > bestMargin) {
      bestMargin = margin;
      bestA = a;
      bestB = b;
    }
    if (b >= n) break;
    // Remove positions [a, a + stride).
    const next = a + stride;
    for (let k = posStart[a] ?? 0, stop = posStart[next] ?? 0; k < stop; k++) {
      const bucket = buckets[k] ?? 0;
      const c = (cnt[bucket] ?? 1) - 1;
      cnt[bucket] = c;
      const wb = w[bucket] ?? 0;
      if (c < D1.length) {
        dot -= wb * (D1[c] ?? 0);
        ss -= D2[c] ?? 0;
      } else {
        const l0 = sublinear(c);
        const l1 = sublinear(c + 1);
        dot -= wb * (l1 - l0);
        ss -= l1 * l1 - l0 * l0;
      }
    }
    a = next;
  }
  // Reset the counts of the last window.
  for (let k = posStart[a] ?? 0, stop = posStart[b] ?? 0; k < stop; k++) cnt[buckets[k] ?? 0] = 0;
  const start = origin[bestA] ?? 0;
  const endOff = bestB >= n ? text.length : Math.min(text.length, (origin[bestB - 1] ?? text.length - 1) + 1);
  return { score: 1 / (1 + Math.exp(-bestMargin)), start: Math.min(start, endOff), end: endOff };
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
