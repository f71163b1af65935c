#!/usr/bin/env node
// Times the injection detectors (signatures + classifier) on the dev set in Node: µs per KB of input.
//   node eval/bench-injection.mjs [--data /work/shared/eval/injection.jsonl]
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dataArg = process.argv.indexOf("--data");
const DATA = dataArg > 0 ? process.argv[dataArg + 1] : "/work/shared/eval/injection.jsonl";
const result = await build({
  stdin: { contents: `export { injectionDetectors } from "./index";`, resolveDir: resolve(root, "src/safety/injection"), loader: "ts" },
  bundle: true, format: "esm", platform: "neutral", write: false, logLevel: "error",
});
const { injectionDetectors } = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString("base64")}`);
const texts = readFileSync(DATA, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text);
const nt = (s) => ({ original: s, text: s, offsets: Array.from({ length: s.length + 1 }, (_, i) => i), decoded: [] });
const inputs = texts.map(nt);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const run = () => { for (const i of inputs) for (const d of injectionDetectors) d.scan(i); };
run(); run(); // warm-up (also decodes the model once)
const reps = 5;
const t0 = process.hrtime.bigint();
for (let r = 0; r < reps; r++) run();
const us = Number(process.hrtime.bigint() - t0) / 1000 / reps;
console.log(`${inputs.length} texts, ${(bytes / 1024).toFixed(0)} KiB: ${(us / (bytes / 1024)).toFixed(1)} µs/KB (signatures + classifier)`);
const long = nt("The quarterly report covers revenue growth and staffing. ".repeat(2000));
const t1 = process.hrtime.bigint();
for (let r = 0; r < 5; r++) for (const d of injectionDetectors) d.scan(long);
console.log(`one ${(long.text.length / 1024).toFixed(0)} KiB document: ${(Number(process.hrtime.bigint() - t1) / 1000 / 5 / (long.text.length / 1024)).toFixed(1)} µs/KB`);
