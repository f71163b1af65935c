// Targets from issue #5 and the aligned text table.
const pct = (x) => (x === null || x === undefined ? "—" : `${(100 * x).toFixed(1)}%`);
const num = (x) => (x === null || x === undefined ? "—" : x.toFixed(1));

/** Builds the table rows: [category, detector, precision, recall, FPR, F1, other, target, met]. */
export function tableRows(res) {
  const out = [];
  const add = (cat, det, m, other = "", target = "", met = null) =>
    out.push([cat, det, pct(m.precision), pct(m.recall), pct(m.fpr), pct(m.f1), other, target, met === null ? "" : met ? "yes" : "NO"]);
  const inj = res.injection;
  for (const [name, m] of Object.entries(inj.detectors)) {
    const hb = `hard-benign passed ${pct(m.hardBenignPass)}${m.note ? `; ${m.note}` : ""}`;
    const main = name === "combined" || name === "injection_classifier";
    const met = main ? m.recall >= 0.85 && m.fpr <= 0.01 && m.hardBenignPass >= 0.9 : null;
    add("injection", name, m, hb, main ? "det ≥85% @ FPR ≤1%, hard-benign ≥90%" : "", met);
  }
  if (inj.crossFittedThreshold) {
    const c = inj.crossFittedThreshold;
    add("injection", "classifier, cross-fitted thr.", { recall: c.detection, fpr: c.falsePositiveRate }, `hard-benign passed ${pct(c.hardBenignPassRate)}`);
  }
  const pii = res.pii;
  for (const [type, m] of Object.entries(pii.types)) {
    const other = `spans ${m.counts.goldFound}/${m.counts.gold} found, ${m.counts.predicted} predicted`;
    if (type === "EMAIL") add("pii", type, m, other, "R ≥99%, P ≥99%", m.recall >= 0.99 && m.precision >= 0.99);
    else if (["CREDIT_CARD", "IBAN", "US_SSN"].includes(type)) add("pii", type, m, other, "R ≥99%, P ≥98%", m.recall >= 0.99 && m.precision >= 0.98);
    else add("pii", type, m, other);
  }
  const ck = pii.checksummed;
  add("pii", "checksummed (card+IBAN+SSN)", ck, `spans ${ck.counts.hit}/${ck.counts.gold} found`, "R ≥99%, P ≥98%", ck.recall >= 0.99 && ck.precision >= 0.98);
  const sec = res.secrets;
  add("secrets", "all detectors (rows)", sec.overall, `${sec.overall.counts.tp}/${sec.overall.counts.tp + sec.overall.counts.fn} pos, ${sec.overall.counts.fp}/${sec.overall.counts.neg} neg flagged`);
  const b = sec.benignLines;
  add("secrets", "prefixed secrets (rows)", sec.prefixed, `benign lines flagged ${b.flagged}/${b.n} (${pct(b.rate)})`, "R ≥99.5%, benign ≤0.1%", sec.prefixed.recall >= 0.995 && b.rate <= 0.001);
  add("secrets", "prefixed, prefix rules only", sec.prefixedByPrefixRules);
  // Per detector: those with rows of their own kind or with false alarms; the other rules are summed in one line.
  const quiet = { n: 0, pos: 0 };
  for (const [name, m] of Object.entries(sec.detectors)) {
    const c = m.counts;
    if (c.ownKindRows === 0 && c.negativesFlagged === 0) {
      quiet.n++;
      quiet.pos += c.positivesFlagged;
      continue;
    }
    add("secrets", name, m, `+${c.positivesFlagged} / −${c.negativesFlagged} rows${c.ownKindRows ? `, recall on its ${c.ownKindRows} own-kind rows` : ""}`);
  }
  if (quiet.n) out.push(["secrets", `${quiet.n} other rules`, "100.0%", "—", "0.0%", "—", `+${quiet.pos} / −0 rows (no kind of their name in the data)`, "", ""]);
  return out;
}

export function speedRows(speed) {
  return Object.entries(speed).map(([k, s]) => [k, num(s.usPerKb), s.kb.toFixed(0), s.texts, k === "all categories, all detectors" ? "≤100 µs/KB in workerd (bench/safety.mjs)" : ""]);
}

export function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const right = (i) => i >= 2 && i <= 5;
  const line = (r) => r.map((c, i) => (right(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join("  ").trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}
