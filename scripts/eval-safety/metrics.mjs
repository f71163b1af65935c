// Counting helpers shared by the three evaluations.

/** precision / recall / F1 / false-positive rate from counts; null where the denominator is 0. */
export function prf({ tp, fp, fn, negFlagged = null, neg = null }) {
  const div = (a, b) => (b > 0 ? a / b : null);
  const precision = div(tp, tp + fp);
  const recall = div(tp, tp + fn);
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { precision, recall, f1, fpr: neg === null ? null : div(negFlagged, neg), counts: { tp, fp, fn, ...(neg === null ? {} : { negFlagged, neg }) } };
}

/** Row-level figures from per-row booleans: gold (has it) and flagged (detector fired). */
export function rowLevel(gold, flagged) {
  let tp = 0, fp = 0, fn = 0, neg = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i] && flagged[i]) tp++;
    else if (gold[i]) fn++;
    else {
      neg++;
      if (flagged[i]) fp++;
    }
  }
  return prf({ tp, fp, fn, negFlagged: fp, neg });
}

/** µs per KB (KB = 1024 bytes of UTF-8), best of `runs` passes over all texts (the least-disturbed pass on a shared machine). */
export function timePerKb(texts, scan, runs = 5) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
  for (const t of texts.slice(0, 50)) scan(t); // warm-up: JIT, lazy model decode
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    for (const t of texts) scan(t);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000);
  }
  return { usPerKb: best / (bytes / 1024), kb: bytes / 1024, runs, bestPassMs: best / 1000 };
}

export const readJsonl = (text) => text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
