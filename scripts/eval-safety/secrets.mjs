// Secrets: the dataset labels rows (1 = carries a real-looking credential), not spans, so scoring is row-level:
// a row is flagged when any secret detector reports a finding in it. Per detector: the rows it fires on, and its
// recall on the rows written for its own kind (when a dataset `kind` has the detector's name): the rows
// it fires on itself (`recall`) and the rows any detector flags (`recallByAnyDetector`).
import { rowLevel } from "./metrics.mjs";
import { scanRaw } from "./lib.mjs";
import { isPrefixedRow } from "./prefixes.mjs";

export function evalSecrets(lib, rows) {
  const prefixRuleNames = new Set(lib.prefixRules.map((r) => r.name).concat("github_token"));
  const found = rows.map((r) => scanRaw(lib, r.text, lib.secretDetectors));
  const names = rows.map((_, i) => new Set(found[i].map((f) => f.detector)));
  const gold = rows.map((r) => r.label === 1);
  const flagged = names.map((s) => s.size > 0);

  const overall = rowLevel(gold, flagged);
  // Prefixed secrets: positives carrying a known vendor prefix (prefixes.mjs) against all negatives.
  const prefixed = rows.map(isPrefixedRow);
  const sub = (keep) => rowLevel(gold.filter((_, i) => keep(i)), flagged.filter((_, i) => keep(i)));
  const prefixedVsNeg = sub((i) => prefixed[i] || !gold[i]);
  const benignLines = rows.map((r) => r.category.startsWith("benign_code_line"));
  const benignFlagged = benignLines.filter((b, i) => b && flagged[i]).length;
  const benignN = benignLines.filter(Boolean).length;
  // The same with only the prefix rules (provider / service / SaaS rules and GitHub's checksummed tokens) counted.
  const byPrefixRules = names.map((s) => [...s].some((n) => prefixRuleNames.has(n)));
  const prefixRulesOnly = rowLevel(gold.filter((_, i) => prefixed[i] || !gold[i]), byPrefixRules.filter((_, i) => prefixed[i] || !gold[i]));

  // Per rule / detector name (the prefixed and vendor-keyword rules run as two detectors but report their own names).
  const detectors = {};
  for (const name of lib.secretDetectorNames) {
    const d = { name };
    if (detectors[d.name]) continue;
    const fires = names.map((s) => s.has(d.name));
    const tp = fires.filter((f, i) => f && gold[i]).length;
    const fp = fires.filter((f, i) => f && !gold[i]).length;
    if (tp + fp === 0 && !rows.some((r) => r.kind === d.name)) continue;
    const own = rows.map((r, i) => (r.kind === d.name && gold[i] ? i : -1)).filter((i) => i >= 0);
    detectors[d.name] = {
      precision: tp + fp ? tp / (tp + fp) : null,
      recall: own.length ? own.filter((i) => fires[i]).length / own.length : null,
      recallByAnyDetector: own.length ? own.filter((i) => flagged[i]).length / own.length : null,
      fpr: fp / gold.filter((g) => !g).length,
      counts: { positivesFlagged: tp, negativesFlagged: fp, ownKindRows: own.length },
    };
  }
  const misses = rows.filter((r, i) => gold[i] && !flagged[i]).map((r) => ({ id: r.id, kind: r.kind, category: r.category }));
  const falseAlarms = rows.flatMap((r, i) => (!gold[i] && flagged[i] ? [{ id: r.id, kind: r.kind, category: r.category, by: [...names[i]] }] : []));
  return {
    scoring: "row-level (the data has no secret spans, so no span-level figures); flagged = any secret detector fired",
    overall,
    prefixed: { ...prefixedVsNeg, rows: prefixed.filter(Boolean).length, how: "label-1 rows whose kind is a vendor family and whose text has a known vendor prefix (scripts/eval-safety/prefixes.mjs), against all label-0 rows" },
    prefixedByPrefixRules: prefixRulesOnly,
    benignLines: { n: benignN, flagged: benignFlagged, rate: benignN ? benignFlagged / benignN : null },
    detectors,
    misses,
    falseAlarms,
  };
}
