#!/usr/bin/env node
// Times the injection detectors in Node: µs per KB of input, signatures and classifier separately and together, on
// the dev rows (one scan per row) and on one long text (the rows concatenated). CPU time, best of --reps passes.
//   node eval/bench-injection.mjs [--data /work/shared/eval/injection.jsonl] [--reps 7]
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const opt = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const DATA = opt("--data", "/work/shared/eval/injection.jsonl");
const REPS = Number(opt("--reps", 7));
const result = await build({
  stdin: { contents: `export { injectionDetectors } from "./index";`, resolveDir: resolve(root, "src/safety/injection"), loader: "ts" },
  bundle: true, format: "esm", platform: "neutral", write: false, logLevel: "error",
});
const { injectionDetectors } = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString("base64")}`);
const texts = readFileSync(DATA, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text);
const nt = (s) => ({ original: s, text: s, offsets: { length: s.length + 1 }, decoded: [] });
const rows = texts.map(nt);
const long = nt(texts.join("\n\n"));
const kb = (list) => list.reduce((n, i) => n + Buffer.byteLength(i.text), 0) / 1024;
const time = (list, dets) => {
  const run = () => { for (const i of list) for (const d of dets) d.scan(i); };
  run(); // warm-up (also decodes the model once)
  let best = Infinity;
  for (let r = 0; r < REPS; r++) {
    const t0 = process.cpuUsage();
    run();
    const d = process.cpuUsage(t0);
    best = Math.min(best, d.user + d.system);
  }
  return (best / kb(list)).toFixed(1);
};
const [sig, cls] = injectionDetectors;
console.log(`injection detectors, µs per KB (CPU time, best of ${REPS}); ${rows.length} rows, ${kb(rows).toFixed(0)} KB`);
console.log("                 signatures  classifier  both");
console.log(`rows             ${time(rows, [sig]).padStart(10)}  ${time(rows, [cls]).padStart(10)}  ${time(rows, injectionDetectors).padStart(4)}`);
console.log(`one long text    ${time([long], [sig]).padStart(10)}  ${time([long], [cls]).padStart(10)}  ${time([long], injectionDetectors).padStart(4)}`);
