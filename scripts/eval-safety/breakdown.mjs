// Where the scan's time goes (Node): normalisation, the shared keyword gate (secret rules and PII cues), the
// pipeline's own keyword prefilter, and each detector's scan (only when its prefilter lets it run), summed over every
// text; best of `runs` passes per stage. Detectors run per text in pipeline order, after the gate has been computed for
// that text (as in the pipeline, where the first secret detector pays for it and the rest reuse it), each timed on its
// own; the timer's own cost is measured and subtracted. Decoded spans are not included.
import { passes } from "./lib.mjs";

export function breakdown(lib, texts, detectors, runs = 3) {
  const kb = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0) / 1024;
  const best = (fn) => {
    let b = Infinity;
    for (let r = 0; r < runs; r++) {
      const t0 = process.hrtime.bigint();
      fn();
      b = Math.min(b, Number(process.hrtime.bigint() - t0) / 1000);
    }
    return b / kb;
  };
  const norm = texts.map((t) => lib.normalize(t));
  const out = {
    normalize: best(() => texts.forEach((t) => lib.normalize(t))),
    "keyword gate": best(() => norm.forEach((n) => lib.inputHits(n))),
    "pipeline prefilter": best(() => norm.forEach((n) => { for (const d of detectors) prefilter(d, n.text); })),
  };
  // Per detector, best of `runs`: each pass scans every text with every detector, timing each call.
  const byName = {};
  const timer = timerCost();
  for (let r = 0; r < runs; r++) {
    const pass = {};
    for (const n of norm) {
      lib.inputHits(n);
      for (const d of detectors) {
        if (!prefilter(d, n.text)) continue;
        const t0 = process.hrtime.bigint();
        d.scan(n);
        pass[d.name] = (pass[d.name] ?? 0) + Math.max(0, Number(process.hrtime.bigint() - t0) / 1000 - timer);
      }
    }
    for (const [name, us] of Object.entries(pass)) byName[name] = Math.min(byName[name] ?? Infinity, us / kb);
  }
  return { usPerKb: { ...out, ...byName }, kb };
}

/** The pipeline's keyword check: letter-free keywords on the text as is, lettered ones on its lower-cased copy. */
function prefilter(d, text) {
  const k = d.keywords;
  if (k === undefined || k.length === 0) return true;
  return k.some((w) => (/[a-z]/i.test(w) ? passes(d, text.toLowerCase()) : text.includes(w)));
}

/** µs one hrtime pair costs, to subtract from each timed call. */
function timerCost() {
  let b = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 10000; i++) {
      const a = process.hrtime.bigint();
      if (process.hrtime.bigint() < a) break;
    }
    b = Math.min(b, Number(process.hrtime.bigint() - t0) / 1000 / 10000);
  }
  return b;
}
