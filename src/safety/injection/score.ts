/**
 * Scores text with the linear injection model. Long text is scored in overlapping windows and the maximum is kept,
 * because an injection buried in a long retrieved document is diluted to nothing when the whole document is one
 * L2-normalised vector. The training script scores its held-out rows with this same function, so the calibrated
 * threshold applies to exactly what the Worker computes.
 */
import { featurize, type FeatureParams } from "./features";

export interface LinearModel {
  readonly params: FeatureParams;
  /** Dense weight per hash bucket (already de-quantised). */
  readonly weights: Float32Array;
  readonly bias: number;
  /** Window length and stride in UTF-16 units; text no longer than `window` is scored whole. */
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

export function scoreText(text: string, model: LinearModel): WindowScore {
  if (text.length <= model.window) return { score: scoreOne(text, model), start: 0, end: text.length };
  let best: WindowScore = { score: -1, start: 0, end: 0 };
  for (let start = 0; ; start += model.stride) {
    const end = Math.min(text.length, start + model.window);
    const score = scoreOne(text.slice(start, end), model);
    if (score > best.score) best = { score, start, end };
    if (end === text.length) break;
  }
  return best;
}

function scoreOne(text: string, model: LinearModel): number {
  const { indices, values } = featurize(text, model.params);
  let margin = model.bias;
  for (let k = 0; k < indices.length; k++) margin += (model.weights[indices[k] ?? 0] ?? 0) * (values[k] ?? 0);
  return 1 / (1 + Math.exp(-margin));
}
