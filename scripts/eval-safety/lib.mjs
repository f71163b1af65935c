// Bundles the Worker's own safety code (src/safety/…) with esbuild and imports it, so the evaluation runs exactly
// the shipped detectors. Also the scan used for scoring: normalise once, prefilter each detector on its keywords
// (against the lower-cased normalised text and each decoded span), run it, keep every finding with its detector.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "esbuild";

/** The pipeline's scanText (src/safety/pipeline/scan-text.ts), used for the speed figures when it exists. */
export async function loadSafety(root) {
  const dir = resolve(root, "src/safety");
  const hasPipeline = existsSync(resolve(dir, "pipeline/scan-text.ts"));
  const contents = [
    `export { normalize } from "./normalize/normalize";`,
    `export { inputHits } from "./normalize/keyword-gate";`,
    `export { secretDetectors } from "./secrets/index";`,
    `export { piiDetectors } from "./pii/index";`,
    `export { injectionDetectors } from "./injection/index";`,
    `export { prefixRules, secretDetectorNames } from "./secrets/index";`,
    `export { loadInjectionModel } from "./injection/model";`,
    hasPipeline ? `export { scanText } from "./pipeline/scan-text";` : `export const scanText = undefined;`,
  ].join("\n");
  const result = await build({
    stdin: { contents, resolveDir: dir, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "error",
  });
  const lib = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString("base64")}`);
  return { ...lib, hasPipeline: lib.scanText !== undefined };
}

/** True when the detector's keyword prefilter lets it run on this lower-cased text. */
export function passes(detector, lower) {
  const k = detector.keywords;
  return k === undefined || k.length === 0 || k.some((w) => lower.includes(w));
}

/**
 * Every finding of `detectors` in `text`, un-merged, spans in the original text. Decoded base64 / hex / URL spans
 * are normalised and scanned as their own text; their findings cover the encoded span (as the pipeline does).
 */
export function scanRaw(lib, text, detectors) {
  if (text.length === 0) return [];
  const n = lib.normalize(text);
  const out = run(n, detectors);
  for (const span of n.decoded) {
    for (const f of run(lib.normalize(span.text), detectors)) out.push({ ...f, start: span.start, end: span.end });
  }
  return out;
}

function run(n, detectors) {
  const lower = n.text.toLowerCase();
  const out = [];
  for (const d of detectors) if (passes(d, lower)) out.push(...d.scan(n));
  return out;
}

/** The full scan used for timing: the pipeline's scanText when present, else scanRaw. */
export function fullScan(lib, detectors) {
  return lib.hasPipeline ? (text) => lib.scanText(text, detectors) : (text) => scanRaw(lib, text, detectors);
}
