#!/usr/bin/env node
// Safety-scanner evaluation (issue #5): `npm run eval:safety [-- --data <dir>] [-- --json] [-- --no-cv] [-- --runs N]`
// Reads injection.jsonl, pii.jsonl and secrets.jsonl (format: ../shared/eval/README.md; default folder
// /work/shared/eval) and prints, per category and detector, precision, recall, false-positive rate, F1 and the
// issue's targets, plus µs per KB of the scan in Node. The detectors are the Worker's own code, bundled by esbuild.
// On the dev set the injection classifier is scored by cross-validation (it was trained on those rows); on any
// other folder it is scored directly. See docs/safety-eval.md.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import os from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { breakdown } from "./eval-safety/breakdown.mjs";
import { evalInjection } from "./eval-safety/injection.mjs";
import { fullScan, loadSafety } from "./eval-safety/lib.mjs";
import { readJsonl, timePerKb } from "./eval-safety/metrics.mjs";
import { evalPii } from "./eval-safety/pii.mjs";
import { printTable, speedRows, tableRows } from "./eval-safety/report.mjs";
import { evalSecrets } from "./eval-safety/secrets.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const DEV_DIR = resolve(root, "../shared/eval");
const dataDir = resolve(opt("--data", DEV_DIR));
const asJson = argv.includes("--json");
const runs = Number(opt("--runs", 5));
const read = (dir, name) => readJsonl(readFileSync(resolve(dir, name), "utf8"));
const same = (a, b) => existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b);

const lib = await loadSafety(root);
const data = { injection: read(dataDir, "injection.jsonl"), pii: read(dataDir, "pii.jsonl"), secrets: read(dataDir, "secrets.jsonl") };
const isDev = same(dataDir, DEV_DIR);
const devFile = resolve(DEV_DIR, "injection.jsonl");
const log = (m) => asJson || process.stderr.write(`${m}\n`);

log(`eval-safety: ${dataDir}${isDev ? " (dev set: the injection classifier's training data)" : ""}; ${data.injection.length} injection, ${data.pii.length} pii, ${data.secrets.length} secrets rows`);
const result = {
  date: new Date().toISOString(),
  data: dataDir,
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadAvg: os.loadavg() },
  scan: lib.hasPipeline ? "speed: src/safety/pipeline scanText; accuracy: same normalise + keyword prefilter + decoded spans, findings kept per detector (not merged)" : "normalise + keyword prefilter + decoded spans, run here (no pipeline scanText found)",
  injection: evalInjection(lib, data.injection, {
    root,
    dataFile: resolve(dataDir, "injection.jsonl"),
    isDev,
    devRows: !isDev && existsSync(devFile) ? read(DEV_DIR, "injection.jsonl") : null,
    rerunCv: !argv.includes("--no-cv"),
  }),
  pii: evalPii(lib, data.pii),
  secrets: evalSecrets(lib, data.secrets),
};

// Speed in Node (the workerd figure is bench/safety.mjs): each category's texts through the full scan with that
// category's detectors, then every text through all detectors.
const all = [...lib.secretDetectors, ...lib.piiDetectors, ...lib.injectionDetectors];
const texts = (k) => data[k].map((r) => r.text);
const timed = (list, dets) => ({ ...timePerKb(list, fullScan(lib, dets), runs), texts: list.length });
result.speedNode = {
  "injection detectors on injection.jsonl": timed(texts("injection"), lib.injectionDetectors),
  "pii detectors on pii.jsonl": timed(texts("pii"), lib.piiDetectors),
  "secret detectors on secrets.jsonl": timed(texts("secrets"), lib.secretDetectors),
  "all categories, all detectors": timed([...texts("injection"), ...texts("pii"), ...texts("secrets")], all),
};
result.speedBreakdownNode = breakdown(lib, [...texts("injection"), ...texts("pii"), ...texts("secrets")], all, Math.min(runs, 3));
result.machine.loadAvgEnd = os.loadavg();

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`\nInjection: ${result.injection.evaluation}; threshold ${result.injection.threshold.toFixed(4)}.`);
  console.log(`Secrets: ${result.secrets.scoring}. Prefixed: ${result.secrets.prefixed.rows} rows, ${result.secrets.prefixed.how}.`);
  console.log(`PII: span-level, a prediction counts when it overlaps a gold span of its type; FPR = rows without the type that get a finding of it.\n`);
  printTable(["category", "detector", "precision", "recall", "FPR", "F1", "other", "target", "met"], tableRows(result));
  console.log(`\nSpeed in Node ${process.version} (not workerd; best of ${runs} passes; KB = 1024 bytes UTF-8; ${result.machine.cpus} CPUs, load ${result.machine.loadAvg.map((l) => l.toFixed(2)).join(" ")}):\n`);
  printTable(["scan", "µs/KB", "KB", "texts", "target"], speedRows(result.speedNode));
  const stages = Object.entries(result.speedBreakdownNode.usPerKb).sort((a, b) => b[1] - a[1]);
  console.log(`\nWhere the time goes (all texts, all detectors, µs/KB; top 8 of ${stages.length}; the rest sum to ${stages.slice(8).reduce((n, [, v]) => n + v, 0).toFixed(1)}):`);
  for (const [name, us] of stages.slice(0, 8)) console.log(`  ${name.padEnd(24)} ${us.toFixed(1).padStart(6)}`);
  console.log(`\nSecret misses: ${result.secrets.misses.length}; false alarms: ${result.secrets.falseAlarms.length} (ids in --json).`);
}
