/**
 * The shipped classifier: `model.json` is written by `scripts/train-injection.mjs` (int8-quantised dense weights,
 * base64) and bundled into the Worker as a JSON import. Decoding is deferred to the first scan and cached, so isolates
 * that never scan do not pay for it.
 */
import modelJson from "./model.json";
import type { LinearModel } from "./score";

export interface InjectionModel extends LinearModel {
  /** Flag when score ≥ threshold; calibrated out-of-fold for the FPR in `model.json` → `report.targetFpr`. */
  readonly threshold: number;
}

let cached: InjectionModel | undefined;

export function loadInjectionModel(): InjectionModel {
  if (cached) return cached;
  const bytes = Uint8Array.from(atob(modelJson.weights), (c) => c.charCodeAt(0));
  const q = new Int8Array(bytes.buffer);
  if (q.length !== modelJson.params.buckets) throw new Error("injection model: weight count does not match buckets");
  if (modelJson.window % modelJson.stride !== 0) throw new Error("injection model: window is not a multiple of stride");
  cached = {
    params: modelJson.params,
    // The int8 weights are used as they are; the scorer multiplies the dot product by the scale once per window.
    weights: q,
    weightScale: modelJson.scale,
    bias: modelJson.bias,
    window: modelJson.window,
    stride: modelJson.stride,
    threshold: modelJson.threshold,
  };
  return cached;
}
