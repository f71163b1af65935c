// Injection: signatures, classifier and both combined; detection (recall), FPR, precision, F1, hard-benign pass rate.
// The shipped classifier was trained on every row of the dev set, so on the dev set its figures come from k-fold
// cross-validation (out-of-fold scores), re-run here with scripts/train-injection.mjs --dry-run (or read from the
// report stored in model.json with --no-cv). On any other data it is scored directly.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { prf, rowLevel } from "./metrics.mjs";
import { scanRaw } from "./lib.mjs";

export const HARD_BENIGN = ["notinject", "xstest_safe"];
const family = (r) => r.category.split(":")[0];

/** `devRows`: the training set's rows (to detect overlap), or null when it cannot be read. */
export function evalInjection(lib, rows, { root, dataFile, isDev, devRows, rerunCv }) {
  const byName = Object.fromEntries(lib.injectionDetectors.map((d) => [d.name, d]));
  const hits = rows.map((r) => new Set(scanRaw(lib, r.text, lib.injectionDetectors).map((f) => f.detector)));
  const gold = rows.map((r) => r.label === 1);
  const hard = rows.map((r) => r.label === 0 && HARD_BENIGN.includes(family(r)));
  const direct = (flags, extra) => ({ ...summarise(gold, hard, flags), ...extra });
  const sig = hits.map((h) => h.has("injection_signature"));
  const signatures = direct(sig, { scoring: "scored directly (hand-written rules, not trained; written with the dev set in view)" });
  if (!byName.injection_classifier) throw new Error("no injection_classifier detector");

  if (!isDev) {
    const devTexts = new Set((devRows ?? []).map((r) => r.text));
    const overlap = devRows ? rows.filter((r) => devTexts.has(r.text)).length : null;
    const note = overlap === 0 ? "scored on data not used for training" : `scored directly; ${overlap ?? "unknown"} row(s) are also in the training set`;
    const cls = hits.map((h) => h.has("injection_classifier"));
    return {
      evaluation: note,
      threshold: lib.loadInjectionModel().threshold,
      detectors: {
        injection_signature: signatures,
        injection_classifier: direct(cls, { scoring: note }),
        combined: direct(cls.map((c, i) => c || sig[i]), { scoring: note }),
      },
    };
  }

  const { report, source } = cvReport(root, dataFile, rerunCv);
  const oof = (m, extra) => fromCounts(m, extra);
  const range = (r) => (r ? `detection ${r.map((x) => `${(100 * x).toFixed(1)}%`).join("–")} over ${report.perRepeat?.length ?? "?"} fold seeds` : "");
  return {
    evaluation: `classifier: ${report.method} (${source}); signatures scored directly`,
    threshold: report.threshold,
    detectors: {
      injection_signature: signatures,
      injection_classifier: oof(report.stratified, { scoring: "out-of-fold (stratified CV, pooled over fold seeds)", note: range(report.range?.detection) }),
      combined: oof(report.signaturesPlusClassifier, { scoring: "signatures + out-of-fold classifier", note: range(report.range?.combinedDetection) }),
      "classifier, unseen families": oof(report.groupedByFamily.atStratifiedThreshold, { scoring: report.groupedByFamily.method }),
    },
    crossFittedThreshold: report.stratifiedCrossFitted,
    perRepeat: report.perRepeat,
    background: report.background,
    hyperparameters: report.hyperparameters,
  };
}

function summarise(gold, hard, flags) {
  const m = rowLevel(gold, flags);
  let n = 0, passed = 0;
  hard.forEach((h, i) => {
    if (!h) return;
    n++;
    if (!flags[i]) passed++;
  });
  return { ...m, hardBenignPass: n ? passed / n : null, hardBenignN: n };
}

/** Figures from a CV report block (train-injection.mjs's metricsFromFlags: tp, pos, fp, neg). */
function fromCounts(m, extra) {
  const { tp, pos, fp, neg, hardBenign } = m.counts;
  return { ...prf({ tp, fp, fn: pos - tp, negFlagged: fp, neg }), hardBenignPass: m.hardBenignPassRate, hardBenignN: hardBenign, ...extra };
}

/** Re-runs the training script's cross-validation without writing a model, or falls back to model.json's report. */
function cvReport(root, dataFile, rerun) {
  const stored = JSON.parse(readFileSync(resolve(root, "src/safety/injection/model.json"), "utf8")).report;
  if (!rerun) return { report: stored, source: "report stored in model.json" };
  const r = spawnSync(process.execPath, [resolve(root, "scripts/train-injection.mjs"), "--dry-run", "--data", dataFile], { encoding: "utf8", maxBuffer: 64 << 20 });
  const text = r.stderr ?? "";
  const start = text.indexOf("\n{");
  const end = text.lastIndexOf("\n}");
  if (r.status !== 0 || start < 0 || end < 0) {
    process.stderr.write(`eval-safety: re-running CV failed (exit ${r.status}); using the report stored in model.json\n`);
    return { report: stored, source: "report stored in model.json; re-run failed" };
  }
  const report = JSON.parse(text.slice(start + 1, end + 2));
  const same = report.stratified.counts.tp === stored.stratified.counts.tp && report.stratified.counts.fp === stored.stratified.counts.fp;
  return { report, source: `re-run now by scripts/train-injection.mjs --dry-run; ${same ? "matches" : "DIFFERS from"} the report in model.json` };
}
