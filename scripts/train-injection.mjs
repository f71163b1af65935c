#!/usr/bin/env node
// Trains the prompt-injection classifier (issue #5) and writes src/safety/injection/model.json.
//
//   node scripts/train-injection.mjs [--data /work/shared/eval/injection.jsonl] [--fpr 0.01] [--folds 5] [--dry-run]
//
// The featuriser and the window scorer are NOT re-implemented here: esbuild bundles the Worker's own
// src/safety/injection/{features,score,signatures}.ts so training and serving featurise identically.
// Evaluation is out-of-fold only: stratified k-fold (threshold chosen on out-of-fold scores for the target FPR), plus a
// grouped k-fold where whole source families are held out together (a harder estimate of generalisation to unseen
// attack styles). The shipped model is then trained on all rows.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = parseArgs(process.argv.slice(2));
const DATA = args.data ?? "/work/shared/eval/injection.jsonl";
const TARGET_FPR = Number(args.fpr ?? 0.01);
const FOLDS = Number(args.folds ?? 5);
const SEED = 20240605;
// Hyper-parameters are chosen by NESTED cross-validation: for each outer fold, an inner stratified CV on the outer
// training rows only picks the grid point with the best inner detection at the target FPR; the outer fold is then
// scored by a model trained with that point. Reported figures are outer-fold figures. The shipped model's point is
// chosen by the same inner procedure run on all rows. (A 512/384 window was tried and lost ~6 points of detection.)
const INNER_FOLDS = 4;
const GRID = args.hp
  ? [JSON.parse(args.hp)]
  : [
      { epochs: 30, lambda: 1e-6, window: 1536, stride: 1280 },
      { epochs: 60, lambda: 1e-6, window: 1536, stride: 1280 },
      { epochs: 30, lambda: 1e-5, window: 1536, stride: 1280 },
      { epochs: 60, lambda: 1e-5, window: 1536, stride: 1280 },
    ].map((g) => ({ lr0: 1, ...g }));
const HARD_BENIGN = ["notinject", "xstest_safe"];

const lib = await loadLib();
const params = lib.DEFAULT_FEATURE_PARAMS;
const rows = readFileSync(DATA, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const family = (r) => r.category.split(":")[0];
const t0 = Date.now();
const feats = [];
const windowKeys = [...new Set(GRID.map((g) => `${g.window}/${g.stride}`))];
const windowFeats = Object.fromEntries(windowKeys.map((k) => [k, []]));
for (const r of rows) {
  const ex = lib.extract(r.text, params); // scratch views: take every vector before the next extract()
  feats.push(lib.windowVector(ex, 0, ex.length));
  for (const key of windowKeys) {
    const [W, S] = key.split("/").map(Number);
    windowFeats[key].push(ex.length <= W ? [] : lib.windowRanges(ex.length, W, S).map(([a, b]) => lib.windowVector(ex, a, b)));
  }
}
// Serving scores long text window by window, so long rows also train as windows: every window of a benign row is a
// negative; for an attack row only its most suspicious window (under a first-pass model) is added as a positive,
// because the other windows of a latent injection are just the clean carrier document.
log(`featurised ${rows.length} rows in ${Date.now() - t0} ms (${params.buckets} buckets)`);

const all = rows.map((_, i) => i);
const stratRun = nestedCrossValidate(stratifiedFolds(rows, FOLDS, SEED));
const strat = stratRun.scores;
const grouped = nestedCrossValidate(groupedFolds(rows, FOLDS)).scores;
const threshold = thresholdForFpr(strat.filter((_, i) => rows[i].label === 0), TARGET_FPR);
const sigHits = rows.map((r) => lib.signatureLabels(r.text).length > 0);

const report = {
  method: `stratified ${FOLDS}-fold cross-validation (seed ${SEED}); every score below is out-of-fold: a row is scored only by a model that did not train on it`,
  targetFpr: TARGET_FPR,
  threshold,
  stratified: metrics(strat, threshold),
  stratifiedCrossFitted: crossFitted(strat, stratifiedFolds(rows, FOLDS, SEED)),
  groupedByFamily: {
    method: `${FOLDS}-fold, whole category families held out together (no family seen in training when scored)`,
    atStratifiedThreshold: metrics(grouped, threshold),
    atOwnThreshold: metrics(grouped, thresholdForFpr(grouped.filter((_, i) => rows[i].label === 0), TARGET_FPR)),
  },
  signaturesOnly: metricsFromFlags(sigHits),
  signaturesPlusClassifier: metricsFromFlags(strat.map((s, i) => s >= threshold || sigHits[i])),
  signatureNote: "signatures are hand-written rules, not trained, but were written with the dev set in view",
  rows: rows.length,
  hyperparameterSelection: `nested: ${INNER_FOLDS}-fold inner stratified CV on each outer fold's training rows picks from ${GRID.length} grid points`,
  outerFoldChoices: stratRun.chosen,
};
const HP = selectHp(all, SEED + 99);
report.hyperparameters = { ...HP, seed: SEED, chosenBy: `${INNER_FOLDS}-fold CV on all rows (same procedure as the inner loop)` };
log(JSON.stringify(report, null, 2));

const final = trainWithWindows(all, HP);
const q = quantise(final.w);
const model = {
  format: "iron-injection-linear-v2",
  params,
  window: HP.window,
  stride: HP.stride,
  bias: final.bias,
  scale: q.scale,
  threshold,
  weights: Buffer.from(q.bytes.buffer).toString("base64"),
  trainedOn: `${DATA.split("/").pop()} (${rows.length} rows, all of them; the report is from cross-validation)`,
  report,
};
const out = resolve(root, "src/safety/injection/model.json");
if (args["dry-run"]) log("dry run: model not written");
else {
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  log(`wrote ${out} (${(JSON.stringify(model).length / 1024).toFixed(0)} KiB, ${q.nonZero} non-zero weights)`);
}

// ---------------------------------------------------------------------------------------------------------------

async function loadLib() {
  const dir = resolve(root, "src/safety/injection");
  const result = await build({
    stdin: {
      contents: `export * from "./features"; export { scoreText, windowRanges } from "./score"; export { signatureLabels } from "./signature-rules";`,
      resolveDir: dir,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}

/** Out-of-fold scores of `idx` rows under `folds` (a fold id per row of `idx`), each fold trained with `hp`. */
function foldScores(idx, folds, nFolds, hp) {
  const scores = new Array(idx.length).fill(0);
  for (let k = 0; k < nFolds; k++) {
    const trainIdx = idx.filter((_, n) => folds[n] !== k);
    const m = trainWithWindows(trainIdx, hp);
    const lm = { params, weights: Float32Array.from(m.w), bias: m.bias, window: hp.window, stride: hp.stride };
    idx.forEach((i, n) => {
      if (folds[n] === k) scores[n] = lib.scoreText(rows[i].text, lm).score;
    });
  }
  return scores;
}

/** The grid point with the best inner-CV detection at the target FPR, using only the rows `idx`. */
function selectHp(idx, seed) {
  if (GRID.length === 1) return GRID[0];
  const sub = idx.map((i) => rows[i]);
  const folds = stratifiedFolds(sub, INNER_FOLDS, seed);
  let best = GRID[0];
  let bestDet = -1;
  for (const hp of GRID) {
    const sc = foldScores(idx, folds, INNER_FOLDS, hp);
    const thr = thresholdForFpr(sc.filter((_, n) => sub[n].label === 0), TARGET_FPR);
    const pos = sc.filter((_, n) => sub[n].label === 1);
    const det = pos.filter((v) => v >= thr).length / pos.length;
    if (det > bestDet + 1e-9) (best = hp), (bestDet = det);
  }
  return best;
}

function nestedCrossValidate(folds) {
  const scores = new Array(rows.length).fill(0);
  const chosen = [];
  for (let k = 0; k < FOLDS; k++) {
    const trainIdx = all.filter((i) => folds[i] !== k);
    const hp = selectHp(trainIdx, SEED + k);
    chosen.push(hp);
    log(`outer fold ${k}: ${JSON.stringify(hp)}`);
    const m = trainWithWindows(trainIdx, hp);
    const lm = { params, weights: Float32Array.from(m.w), bias: m.bias, window: hp.window, stride: hp.stride };
    for (let i = 0; i < rows.length; i++) if (folds[i] === k) scores[i] = lib.scoreText(rows[i].text, lm).score;
  }
  return { scores, chosen };
}

function trainWithWindows(idx, hp) {
  const wf = windowFeats[`${hp.window}/${hp.stride}`];
  const X = idx.map((i) => feats[i]);
  const y = idx.map((i) => rows[i].label);
  for (const i of idx) if (rows[i].label === 0) for (const f of wf[i]) (X.push(f), y.push(0));
  const first = train(X, y, hp);
  for (const i of idx) {
    if (rows[i].label !== 1 || wf[i].length === 0) continue;
    let best = wf[i][0];
    for (const f of wf[i]) if (margin(first, f) > margin(first, best)) best = f;
    X.push(best);
    y.push(1);
  }
  return train(X, y, hp);
}

function margin(m, f) {
  let d = m.bias;
  for (let k = 0; k < f.indices.length; k++) d += m.w[f.indices[k]] * f.values[k];
  return d;
}

/** Logistic regression, plain SGD with L2 via the weight-scale trick (O(nnz) per step), class-balanced, seeded. */
function train(X, y, HP) {
  const w = new Float64Array(params.buckets);
  let scale = 1;
  let bias = 0;
  const nPos = y.filter((v) => v === 1).length;
  const cw = [y.length / (2 * (y.length - nPos)), y.length / (2 * nPos)];
  const rand = mulberry32(SEED);
  const order = X.map((_, i) => i);
  let t = 0;
  for (let epoch = 0; epoch < HP.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const { indices, values } = X[i];
      const lr = HP.lr0 / (1 + HP.lr0 * HP.lambda * t++);
      let dot = 0;
      for (let k = 0; k < indices.length; k++) dot += w[indices[k]] * values[k];
      const p = 1 / (1 + Math.exp(-(scale * dot + bias)));
      const g = (p - y[i]) * cw[y[i]];
      scale *= 1 - lr * HP.lambda;
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

function quantise(w) {
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

/** Smallest threshold whose false-positive rate on these benign scores is ≤ fpr (flag when score ≥ threshold). */
function thresholdForFpr(benignScores, fpr) {
  const sorted = [...benignScores].sort((a, b) => b - a);
  const allowed = Math.floor(fpr * sorted.length);
  // Just above the (allowed+1)-th highest benign score, so at most `allowed` benign rows reach it.
  return (sorted[allowed] ?? 0) + 1e-9;
}

function metrics(scores, thr) {
  return metricsFromFlags(scores.map((s) => s >= thr));
}

function metricsFromFlags(flags) {
  const pos = rows.filter((r) => r.label === 1).length;
  const neg = rows.length - pos;
  let tp = 0;
  let fp = 0;
  const hard = { n: 0, passed: 0 };
  const perFamily = {};
  rows.forEach((r, i) => {
    if (r.label === 1 && flags[i]) tp++;
    if (r.label === 0 && flags[i]) fp++;
    if (r.label === 0 && HARD_BENIGN.includes(family(r))) {
      hard.n++;
      if (!flags[i]) hard.passed++;
    }
    const f = (perFamily[family(r)] ??= { label: r.label, n: 0, flagged: 0 });
    f.n++;
    if (flags[i]) f.flagged++;
  });
  return {
    detection: round(tp / pos),
    falsePositiveRate: round(fp / neg),
    hardBenignPassRate: round(hard.passed / hard.n),
    counts: { tp, pos, fp, neg, hardBenign: hard.n },
    perFamily,
  };
}

/** Threshold for each fold chosen only from the other folds' out-of-fold benign scores: no row sets its own cut. */
function crossFitted(scores, folds) {
  const flags = scores.map((s, i) => {
    const others = scores.filter((_, j) => folds[j] !== folds[i] && rows[j].label === 0);
    return s >= thresholdForFpr(others, TARGET_FPR);
  });
  const m = metricsFromFlags(flags);
  return { detection: m.detection, falsePositiveRate: m.falsePositiveRate, hardBenignPassRate: m.hardBenignPassRate };
}

function stratifiedFolds(rs, k, seed) {
  const rand = mulberry32(seed);
  const folds = new Array(rs.length).fill(0);
  for (const label of [0, 1]) {
    const idx = rs.map((r, i) => (r.label === label ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((row, n) => (folds[row] = n % k));
  }
  return folds;
}

/** Greedy: largest families first, each into the currently smallest fold (per label, so every fold has both). */
function groupedFolds(rs, k) {
  const sizes = {};
  for (const r of rs) sizes[family(r)] = (sizes[family(r)] ?? 0) + 1;
  const foldOf = {};
  for (const label of [0, 1]) {
    const load = new Array(k).fill(0);
    const fams = Object.keys(sizes).filter((f) => rs.find((r) => family(r) === f).label === label);
    fams.sort((a, b) => sizes[b] - sizes[a]);
    for (const f of fams) {
      const target = load.indexOf(Math.min(...load));
      foldOf[f] = target;
      load[target] += sizes[f];
    }
  }
  return rs.map((r) => foldOf[family(r)]);
}

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round(x) {
  return Math.round(x * 10000) / 10000;
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (argv[i + 1] && !argv[i + 1].startsWith("--")) out[key] = argv[++i];
    else out[key] = true;
  }
  return out;
}

function log(msg) {
  process.stderr.write(`${msg}\n`);
}
