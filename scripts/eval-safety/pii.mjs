// PII: span-level precision / recall / F1 per type (a predicted span counts when it overlaps a gold span of the same
// type), and the per-row false-positive rate on rows without that type. Gold offsets are Unicode code points; the
// detectors report UTF-16 offsets, so gold spans are converted first. Findings are taken per detector, before the
// pipeline merges overlapping findings of one category.
import { prf } from "./metrics.mjs";
import { scanRaw } from "./lib.mjs";

/** Dataset type → the detectors' Finding.label. Other gold types (LOCATION, ORGANIZATION, DATE, …) are not scored. */
export const PII_TYPES = { EMAIL: "EMAIL", CREDIT_CARD: "CARD", IBAN: "IBAN", US_SSN: "SSN", PHONE: "PHONE", IP_ADDRESS: "IP", PERSON: "NAME", ADDRESS: "ADDRESS" };
export const CHECKSUMMED = ["CREDIT_CARD", "IBAN", "US_SSN"];

function utf16Offsets(text) {
  const map = [0];
  let u = 0;
  for (const ch of text) map.push((u += ch.length));
  return map;
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

export function evalPii(lib, rows) {
  const per = Object.fromEntries(Object.keys(PII_TYPES).map((t) => [t, { tp: 0, fp: 0, goldHit: 0, gold: 0, neg: 0, negFlagged: 0, rowsWith: 0 }]));
  const unmatched = {}; // predicted spans that overlap no gold span of their type, by the gold type they do overlap
  for (const row of rows) {
    const map = utf16Offsets(row.text);
    const gold = row.spans.map((s) => ({ type: s.type, start: map[s.start], end: map[s.end] }));
    const found = scanRaw(lib, row.text, lib.piiDetectors);
    for (const [type, label] of Object.entries(PII_TYPES)) {
      const g = gold.filter((s) => s.type === type);
      const p = found.filter((f) => f.label === label);
      const c = per[type];
      c.gold += g.length;
      c.goldHit += g.filter((s) => p.some((f) => overlaps(f, s))).length;
      for (const f of p) {
        if (g.some((s) => overlaps(f, s))) c.tp++;
        else {
          c.fp++;
          const other = gold.find((s) => overlaps(f, s))?.type ?? "none";
          (unmatched[type] ??= {})[other] = (unmatched[type][other] ?? 0) + 1;
        }
      }
      if (g.length > 0) c.rowsWith++;
      else {
        c.neg++;
        if (p.length > 0) c.negFlagged++;
      }
    }
  }
  const types = {};
  for (const [type, c] of Object.entries(per)) {
    // Precision over predicted spans, recall over gold spans (several predictions may cover one gold span).
    const m = prf({ tp: c.tp, fp: c.fp, fn: c.gold - c.goldHit, negFlagged: c.negFlagged, neg: c.neg });
    const recall = c.gold ? c.goldHit / c.gold : null;
    const f1 = m.precision !== null && recall !== null && m.precision + recall > 0 ? (2 * m.precision * recall) / (m.precision + recall) : null;
    types[type] = { label: PII_TYPES[type], ...m, recall, f1, counts: { predicted: c.tp + c.fp, predictedMatched: c.tp, gold: c.gold, goldFound: c.goldHit, rowsWith: c.rowsWith, rowsWithout: c.neg, rowsWithoutFlagged: c.negFlagged }, falsePositivesOverlap: unmatched[type] ?? {} };
  }
  const pool = (names) => {
    const s = names.map((t) => types[t].counts).reduce((a, c) => ({ tp: a.tp + c.predictedMatched, pred: a.pred + c.predicted, gold: a.gold + c.gold, hit: a.hit + c.goldFound }), { tp: 0, pred: 0, gold: 0, hit: 0 });
    const precision = s.pred ? s.tp / s.pred : null;
    const recall = s.gold ? s.hit / s.gold : null;
    return { precision, recall, f1: precision && recall ? (2 * precision * recall) / (precision + recall) : null, counts: s };
  };
  return { types, checksummed: pool(CHECKSUMMED) };
}
