// Where the scan's time goes (Node): normalisation, the keyword prefilter, and each detector's scan (only when its
// prefilter lets it run), summed over every text; best of `runs` passes per stage. Decoded spans are not included.
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
  const lower = norm.map((n) => n.text.toLowerCase());
  const out = { normalize: best(() => texts.forEach((t) => lib.normalize(t))), "lower-case + prefilter": best(() => norm.forEach((n) => { const l = n.text.toLowerCase(); for (const d of detectors) passes(d, l); })) };
  const byName = {};
  for (const d of detectors) {
    const us = best(() => norm.forEach((n, i) => passes(d, lower[i]) && d.scan(n)));
    byName[d.name] = (byName[d.name] ?? 0) + us;
  }
  return { usPerKb: { ...out, ...byName }, kb };
}
