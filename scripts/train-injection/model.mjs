// Training pieces of scripts/train-injection.mjs: the Worker's own featuriser/scorer (bundled), the featurised rows,
// class-balanced logistic regression by SGD, multiple-instance training over windows, and int8 quantisation.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** src/safety/injection/{features,score,signature-scan}.ts, bundled with esbuild: training featurises as serving does. */
export async function loadLib() {
  const result = await build({
    stdin: {
      contents: `export * from "./features"; export { scoreText, windowRanges } from "./score"; export { signatureLabels } from "./signature-scan";`,
      resolveDir: resolve(root, "src/safety/injection"),
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "error",
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString("base64")}`);
}

/**
 * Every row as one whole-text vector, and (per window size) its windows' vectors when it is longer than the window:
 * `whole[i]`, `windows[key][i]` (empty for a row the scorer sees as one window).
 */
export function featurise(lib, rows, params, windowKeys) {
  const whole = [];
  const windows = Object.fromEntries(windowKeys.map((k) => [k, []]));
  for (const r of rows) {
    const ex = lib.extract(r.text, params); // scratch views: take every vector before the next extract()
    whole.push(lib.windowVector(ex, 0, ex.length));
    for (const key of windowKeys) {
      const [W, S] = key.split("/").map(Number);
      windows[key].push(ex.length <= W ? [] : lib.windowRanges(ex.length, W, S).map(([a, b]) => lib.windowVector(ex, a, b)));
    }
  }
  return { whole, windows };
}

/**
 * Background negatives: ordinary technical prose and code that no dev-set row resembles, so the classifier does not
 * learn "not a short chat question" = attack. Without them ~20 % of 2000-character chunks of unrelated documentation
 * and ~39 % of Python source chunks were flagged at the 1 % dev-set threshold (see docs/safety-eval.md). Source: the
 * README of every installed npm package (node_modules/<pkg>/README.md, node_modules/@scope/<pkg>/README.md; versions
 * pinned by package-lock.json), sorted by path, each cut to `perFile` characters, until `total` characters. A file
 * with any injection-signature hit is skipped. Returns every window of every text, per window size.
 */
export function background(lib, params, windowKeys, { perFile = 60000, total = 1_500_000 } = {}) {
  const nm = resolve(root, "node_modules");
  const files = [];
  const subdirs = (dir) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name).sort();
  for (const name of existsSync(nm) ? subdirs(nm) : []) {
    const dirs = name.startsWith("@") ? subdirs(join(nm, name)).map((d) => join(nm, name, d)) : [join(nm, name)];
    for (const d of dirs) {
      const readme = readdirSync(d).find((f) => f.toLowerCase() === "readme.md");
      if (readme) files.push(join(d, readme));
    }
  }
  const windows = Object.fromEntries(windowKeys.map((k) => [k, []]));
  let chars = 0;
  let used = 0;
  for (const f of files) {
    if (chars >= total) break;
    const text = readFileSync(f, "utf8").slice(0, perFile);
    if (lib.signatureLabels(text).length > 0) continue;
    chars += text.length;
    used++;
    const ex = lib.extract(text, params);
    for (const key of windowKeys) {
      const [W, S] = key.split("/").map(Number);
      const ranges = ex.length <= W ? [[0, ex.length]] : lib.windowRanges(ex.length, W, S);
      for (const [a, b] of ranges) windows[key].push(lib.windowVector(ex, a, b));
    }
  }
  return { windows, files: used, chars };
}

/**
 * Multiple-instance training, matching how `score.ts` serves (the best window's score): a row no longer than the
 * window is one example; every window of a long benign row is a negative; a long attack row contributes only its most
 * suspicious window, picked by the previous round's model (round 0 trains without long attack rows at all). So the
 * clean carrier text around an injection in a long document is never a positive example.
 */
export function trainMil(data, rows, idx, hp, buckets, seed, rounds = 2) {
  const key = `${hp.window}/${hp.stride}`;
  const wf = data.windows[key];
  const X0 = [];
  const y0 = [];
  for (const i of idx) {
    if (wf[i].length === 0) (X0.push(data.whole[i]), y0.push(rows[i].label));
    else if (rows[i].label === 0) for (const f of wf[i]) (X0.push(f), y0.push(0));
  }
  for (const f of data.background?.windows[key] ?? []) (X0.push(f), y0.push(BACKGROUND));
  let m = train(X0, y0, hp, buckets, seed);
  for (let r = 0; r < rounds; r++) {
    const X = [...X0];
    const y = [...y0];
    for (const i of idx) {
      if (rows[i].label !== 1 || wf[i].length === 0) continue;
      let best = wf[i][0];
      let bestM = -Infinity;
      for (const f of wf[i]) {
        const v = margin(m, f);
        if (v > bestM) (bestM = v), (best = f);
      }
      X.push(best);
      y.push(1);
    }
    m = train(X, y, hp, buckets, seed);
  }
  return m;
}

function margin(m, f) {
  let d = m.bias;
  for (let k = 0; k < f.indices.length; k++) d += m.w[f.indices[k]] * f.values[k];
  return d;
}

/** Label of a background negative: a negative whose examples together weigh `BACKGROUND_WEIGHT` × half the dev rows. */
export const BACKGROUND = 2;
const BACKGROUND_WEIGHT = 0.3;

/**
 * Logistic regression, plain SGD with L2 via the weight-scale trick (O(nnz) per step), seeded. Class-balanced: the dev
 * negatives and the positives each weigh half of the dev examples; background negatives (label 2) weigh
 * BACKGROUND_WEIGHT of that half in total, so they do not swamp the dev set's hard negatives.
 */
export function train(X, y, hp, buckets, seed) {
  const w = new Float64Array(buckets);
  let scale = 1;
  let bias = 0;
  const nPos = y.filter((v) => v === 1).length;
  const nBg = y.filter((v) => v === BACKGROUND).length;
  const nDev = y.length - nBg;
  const half = nDev / 2;
  const cw = [half / (nDev - nPos), half / nPos, nBg > 0 ? (BACKGROUND_WEIGHT * half) / nBg : 0];
  const rand = mulberry32(seed);
  const order = X.map((_, i) => i);
  let t = 0;
  for (let epoch = 0; epoch < hp.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const { indices, values } = X[i];
      const lr = hp.lr0 / (1 + hp.lr0 * hp.lambda * t++);
      let dot = 0;
      for (let k = 0; k < indices.length; k++) dot += w[indices[k]] * values[k];
      const p = 1 / (1 + Math.exp(-(scale * dot + bias)));
      const g = (p - (y[i] === 1 ? 1 : 0)) * cw[y[i]];
      scale *= 1 - lr * hp.lambda;
      const coef = (-lr * g) / scale;
      for (let k = 0; k < indices.length; k++) w[indices[k]] += coef * values[k];
      bias -= lr * g * 0.1;
      if (scale < 1e-6) {
        for (let k = 0; k < w.length; k++) w[k] *= scale;
        scale = 1;
      }
    }
  }
  for (let k = 0; k < w.length; k++) w[k] *= scale;
  return { w, bias };
}

/** int8 weights + one scale (max |w| / 127), exactly as shipped in model.json. */
export function quantise(w) {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const bytes = new Int8Array(w.length);
  let nonZero = 0;
  for (let k = 0; k < w.length; k++) {
    bytes[k] = Math.round(w[k] / scale);
    if (bytes[k] !== 0) nonZero++;
  }
  return { scale, bytes, nonZero };
}

/** The model `score.ts` runs, with the weights quantised as shipped (so held-out scores are what the Worker computes). */
export function servingModel(m, hp, params) {
  const q = quantise(m.w);
  return { params, weights: q.bytes, weightScale: q.scale, bias: m.bias, window: hp.window, stride: hp.stride };
}

export function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
