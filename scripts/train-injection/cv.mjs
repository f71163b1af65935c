// Cross-validation for scripts/train-injection.mjs: stratified and family-grouped folds, nested hyper-parameter
// selection, thresholds for a target false-positive rate, and row-level metrics. Every score it returns for a row
// comes from a model that did not train on that row.
import { mulberry32, servingModel, trainMil } from "./model.mjs";

export const HARD_BENIGN = ["notinject", "xstest_safe"];
export const family = (r) => r.category.split(":")[0];

/** `ctx`: { lib, rows, data, params, grid, innerFolds, targetFpr, sgdSeed, log }. */
export function nestedCv(ctx, folds, nFolds, seed) {
  const { lib, rows } = ctx;
  const scores = new Array(rows.length).fill(0);
  const chosen = [];
  for (let k = 0; k < nFolds; k++) {
    const trainIdx = rows.map((_, i) => i).filter((i) => folds[i] !== k);
    const hp = selectHp(ctx, trainIdx, seed + k);
    chosen.push(hp);
    const lm = fit(ctx, trainIdx, hp);
    for (let i = 0; i < rows.length; i++) if (folds[i] === k) scores[i] = lib.scoreText(rows[i].text, lm).score;
  }
  return { scores, chosen };
}

/** The grid point with the best inner-CV detection at the target FPR, using only the rows `idx`. */
export function selectHp(ctx, idx, seed) {
  const { lib, rows, grid, innerFolds, targetFpr } = ctx;
  if (grid.length === 1) return grid[0];
  const sub = idx.map((i) => rows[i]);
  const folds = stratifiedFolds(sub, innerFolds, seed);
  let best = grid[0];
  let bestDet = -1;
  for (const hp of grid) {
    const sc = new Array(idx.length).fill(0);
    for (let k = 0; k < innerFolds; k++) {
      const lm = fit(ctx, idx.filter((_, n) => folds[n] !== k), hp);
      idx.forEach((i, n) => {
        if (folds[n] === k) sc[n] = lib.scoreText(rows[i].text, lm).score;
      });
    }
    const thr = thresholdForFpr(sc.filter((_, n) => sub[n].label === 0), targetFpr);
    const pos = sc.filter((_, n) => sub[n].label === 1);
    const det = pos.filter((v) => v >= thr).length / pos.length;
    if (det > bestDet + 1e-9) (best = hp), (bestDet = det);
  }
  return best;
}

export function fit(ctx, idx, hp) {
  return servingModel(trainMil(ctx.data, ctx.rows, idx, hp, ctx.params.buckets, ctx.sgdSeed), hp, ctx.params);
}

/** Smallest threshold whose false-positive rate on these benign scores is ≤ fpr (flag when score ≥ threshold). */
export function thresholdForFpr(benignScores, fpr) {
  const sorted = [...benignScores].sort((a, b) => b - a);
  const allowed = Math.floor(fpr * sorted.length);
  // Just above the (allowed+1)-th highest benign score, so at most `allowed` benign rows reach it.
  return (sorted[allowed] ?? 0) + 1e-9;
}

/** Row-level figures of `flags`; `runs` flag arrays over the same rows are pooled (counts summed). */
export function metricsFromFlags(rows, ...runs) {
  let tp = 0;
  let fp = 0;
  let pos = 0;
  let neg = 0;
  const hard = { n: 0, passed: 0 };
  const perFamily = {};
  for (const flags of runs) {
    rows.forEach((r, i) => {
      if (r.label === 1) (pos++, flags[i] && tp++);
      else (neg++, flags[i] && fp++);
      if (r.label === 0 && HARD_BENIGN.includes(family(r))) {
        hard.n++;
        if (!flags[i]) hard.passed++;
      }
      const f = (perFamily[family(r)] ??= { label: r.label, n: 0, flagged: 0 });
      f.n++;
      if (flags[i]) f.flagged++;
    });
  }
  return {
    detection: round(tp / pos),
    falsePositiveRate: round(fp / neg),
    hardBenignPassRate: round(hard.passed / hard.n),
    counts: { tp, pos, fp, neg, hardBenign: hard.n },
    perFamily,
  };
}

/** Threshold for each fold chosen only from the other folds' out-of-fold benign scores: no row sets its own cut. */
export function crossFittedFlags(rows, scores, folds, fpr) {
  const thr = new Map();
  return scores.map((s, i) => {
    if (!thr.has(folds[i])) thr.set(folds[i], thresholdForFpr(scores.filter((_, j) => folds[j] !== folds[i] && rows[j].label === 0), fpr));
    return s >= thr.get(folds[i]);
  });
}

export function stratifiedFolds(rs, k, seed) {
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
export function groupedFolds(rs, k) {
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

export function round(x) {
  return Math.round(x * 10000) / 10000;
}
