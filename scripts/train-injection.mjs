#!/usr/bin/env node
// Trains the prompt-injection classifier (issue #5) and writes src/safety/injection/model.json.
//
//   node scripts/train-injection.mjs [--data /work/shared/eval/injection.jsonl] [--fpr 0.01] [--folds 5]
//                                    [--repeats 5] [--hp '{"window":256,"stride":128,"lambda":1e-5}'] [--no-background]
//                                    [--dry-run]
//
// The featuriser and the window scorer are NOT re-implemented here: scripts/train-injection/model.mjs bundles the
// Worker's own src/safety/injection/{features,score,signature-scan}.ts, so training and serving featurise
// identically, and held-out rows are scored with int8-quantised weights exactly as the Worker scores them.
// Evaluation is out-of-fold only: stratified k-fold repeated with several fold seeds (a single split's figure swings
// by several points with the seed, because a 1 % FPR cut rests on the top ~7 benign scores); hyper-parameters are
// fixed (see GRID; a multi-point --hp grid is searched by nested CV instead); plus a grouped k-fold where whole source
// families are held out together (a harder, unseen-attack-style estimate). Every fold's training also gets the
// background negatives of model.mjs. The shipped model is trained on all rows; its threshold is the 1 % FPR cut of
// the out-of-fold benign scores of every repeat pooled. ~1 minute.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { crossFittedFlags, groupedFolds, metricsFromFlags, nestedCv, round, selectHp, stratifiedFolds, thresholdForFpr } from "./train-injection/cv.mjs";
import { background, featurise, loadLib, quantise, trainMil } from "./train-injection/model.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = parseArgs(process.argv.slice(2));
const DATA = args.data ?? "/work/shared/eval/injection.jsonl";
const TARGET_FPR = Number(args.fpr ?? 0.01);
const FOLDS = Number(args.folds ?? 5);
const REPEATS = Number(args.repeats ?? 5);
const SEED = 20240605;
const foldSeed = (r) => SEED + r * 7919;
const INNER_FOLDS = 4;
// Hyper-parameters are fixed here, not searched per run: they were chosen during development by 5-fold CV repeated
// over 8 fold seeds on this dev set (so the figures below are mildly optimistic about that one choice). Windows in
// canonical characters (window a multiple of stride): small windows keep a retrieved document's clean text out of the
// window that holds its injection; whole-document windows (1536/1280) lost ~10 points at 1 % FPR because the clean
// carrier documents, which also occur with injections, became the top-scoring benign rows, and 512/256 lost ~3 points.
// λ 1e-5 and 1e-6 were within noise of each other. Passing several points with --hp '[…]' selects among them by
// nested CV (an inner CV on each outer fold's training rows).
const GRID = args.hp ? [JSON.parse(args.hp)].flat() : [{ window: 256, stride: 128, lambda: 1e-5 }];
const grid = GRID.map((g) => ({ lr0: 1, epochs: 30, ...g }));

const lib = await loadLib();
const params = lib.DEFAULT_FEATURE_PARAMS;
const rows = readFileSync(DATA, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const t0 = Date.now();
const windowKeys = [...new Set(grid.map((g) => `${g.window}/${g.stride}`))];
const data = featurise(lib, rows, params, windowKeys);
data.background = args["no-background"] ? undefined : background(lib, params, windowKeys);
log(`featurised ${rows.length} rows in ${Date.now() - t0} ms (${params.buckets} buckets); background: ${data.background ? `${data.background.files} files, ${data.background.chars} chars` : "none"}`);
const ctx = { lib, rows, data, params, grid, innerFolds: INNER_FOLDS, targetFpr: TARGET_FPR, sgdSeed: SEED };
const isBenign = (i) => rows[i].label === 0;
const sigHits = rows.map((r) => lib.signatureLabels(r.text).length > 0);

const runs = [];
for (let r = 0; r < REPEATS; r++) {
  const folds = stratifiedFolds(rows, FOLDS, foldSeed(r));
  const { scores, chosen } = nestedCv(ctx, folds, FOLDS, foldSeed(r));
  const thr = thresholdForFpr(scores.filter((_, i) => isBenign(i)), TARGET_FPR);
  const flags = scores.map((s) => s >= thr);
  runs.push({ seed: foldSeed(r), folds, scores, chosen, flags, combined: flags.map((f, i) => f || sigHits[i]) });
  log(`repeat ${r} (fold seed ${foldSeed(r)}): ${JSON.stringify(metricsFromFlags(rows, flags).detection)} detection; chosen ${chosen.map((h) => `${h.window}/${h.lambda}`).join(", ")} (${Date.now() - t0} ms)`);
}
// The shipped threshold: the target-FPR cut of every repeat's out-of-fold benign scores pooled.
const threshold = thresholdForFpr(runs.flatMap((run) => run.scores.filter((_, i) => isBenign(i))), TARGET_FPR);
const grouped = nestedCv(ctx, groupedFolds(rows, FOLDS), FOLDS, SEED).scores;
log(`grouped CV done (${Date.now() - t0} ms)`);

const perRepeat = runs.map((run) => {
  const c = metricsFromFlags(rows, run.flags);
  return { foldSeed: run.seed, detection: c.detection, falsePositiveRate: c.falsePositiveRate, combinedDetection: metricsFromFlags(rows, run.combined).detection };
});
const crossFitted = metricsFromFlags(rows, ...runs.map((run) => crossFittedFlags(rows, run.scores, run.folds, TARGET_FPR)));
const report = {
  method: `stratified ${FOLDS}-fold cross-validation repeated with ${REPEATS} fold seeds (${runs.map((r) => r.seed).join(", ")})${grid.length > 1 ? ", nested" : ""}; every score is out-of-fold (a row is scored only by a model that did not train on it, with int8 weights as shipped); per repeat the threshold is that repeat's out-of-fold benign ${TARGET_FPR * 100} % FPR cut; figures pooled over the repeats`,
  targetFpr: TARGET_FPR,
  threshold,
  stratified: metricsFromFlags(rows, ...runs.map((r) => r.flags)),
  perRepeat,
  range: { detection: minMax(perRepeat.map((p) => p.detection)), combinedDetection: minMax(perRepeat.map((p) => p.combinedDetection)) },
  stratifiedCrossFitted: { detection: crossFitted.detection, falsePositiveRate: crossFitted.falsePositiveRate, hardBenignPassRate: crossFitted.hardBenignPassRate },
  groupedByFamily: {
    method: `${FOLDS}-fold, whole category families held out together (no family seen in training when scored), one split`,
    atStratifiedThreshold: metricsFromFlags(rows, grouped.map((s) => s >= threshold)),
    atOwnThreshold: metricsFromFlags(rows, grouped.map((s) => s >= thresholdForFpr(grouped.filter((_, i) => isBenign(i)), TARGET_FPR))),
  },
  signaturesOnly: metricsFromFlags(rows, sigHits),
  signaturesPlusClassifier: metricsFromFlags(rows, ...runs.map((r) => r.combined)),
  signatureNote: "signatures are hand-written rules, not trained, but were written with the dev set in view",
  background: data.background
    ? { source: "README.md of every installed npm package (node_modules, pinned by package-lock.json), sorted, ≤ 60000 chars each, until 1.5 M chars; all windows are negatives in every fold's training, weighing 0.3 × the dev negatives in total", files: data.background.files, chars: data.background.chars, windows: data.background.windows[windowKeys[0]].length }
    : "none (--no-background)",
  rows: rows.length,
  hyperparameterSelection: grid.length > 1 ? `nested: ${INNER_FOLDS}-fold inner stratified CV on each outer fold's training rows picks from ${grid.length} grid points` : "fixed (chosen during development by repeated CV on this dev set; not searched in this run)",
  outerFoldChoices: runs.map((r) => r.chosen.map((h) => `${h.window}/${h.stride} λ=${h.lambda}`)),
};
const HP = selectHp(ctx, rows.map((_, i) => i), SEED + 99);
report.hyperparameters = { ...HP, features: params, seed: SEED, chosenBy: grid.length > 1 ? `${INNER_FOLDS}-fold CV on all rows (same procedure as the inner loop)` : "fixed" };
log(JSON.stringify(report, null, 2));

const final = trainMil(data, rows, rows.map((_, i) => i), HP, params.buckets, SEED);
const q = quantise(final.w);
const model = {
  format: "iron-injection-linear-v3",
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

function minMax(xs) {
  return [round(Math.min(...xs)), round(Math.max(...xs))];
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
