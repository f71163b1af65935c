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

/**
 * µs per KB (KB = 1024 bytes of UTF-8), best of `runs` passes over all texts (the least-disturbed pass on a shared
 * machine), after untimed warm-up passes (at least three, and at least 1 s of scanning): ~200 regexes and the scanners
 * have to be compiled and tiered up by the JIT first, which a Worker isolate does once and then reuses across requests,
 * so steady state is what is measured. A small set (66 KB of secrets) needs dozens of passes to get there.
 */
export function timePerKb(texts, scan, runs = 5) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
  const warmUntil = Date.now() + 1000;
  for (let w = 0; w < 3 || Date.now() < warmUntil; w++) for (const t of texts) scan(t); // JIT, regex tier-up, model decode
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    for (const t of texts) scan(t);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000);
  }
  return { usPerKb: best / (bytes / 1024), kb: bytes / 1024, runs, bestPassMs: best / 1000 };
}

export const readJsonl = (text) => text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
