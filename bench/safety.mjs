#!/usr/bin/env node
// Safety-scanner speed in workerd (issue #5): `node_modules/.bin/node bench/safety.mjs [--rounds 5] [--ms 300]
// [--data /work/shared/eval] [--out file.json]`. See bench/README.md ("Safety scanner speed").
// The full scan (normalise, keyword prefilter, every secret / PII / injection detector, decoded spans; the
// pipeline's scanText when src/safety/pipeline exists) runs inside a Worker started through the Miniflare API.
// In workerd the clocks only advance across I/O, so the time is taken from outside: each request posts a text
// and asks the Worker to scan it n times; (time of the n-scan request − time of the same request with n = 0) / n
// / KB, so the body upload, text decode and HTTP overhead cancel out. Best and median over interleaved rounds.
import { build } from "esbuild";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

process.env.WRANGLER_SEND_METRICS = "false";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const ROUNDS = Number(opt("--rounds", 5));
const TARGET_MS = Number(opt("--ms", 300)); // scanning time aimed at per measured request
const DATA = resolve(opt("--data", join(root, "../shared/eval")));
const ONLY = opt("--only", "secrets,pii,injection").split(",");
const OUT = opt("--out", join(root, ONLY.length === 3 ? "bench/results/safety.json" : `bench/results/safety-${ONLY.join("-")}.json`));

// The Worker: POST a text (or {"texts": [...]} with ?json=1) to /scan?n=N; it scans it N times and returns a count.
const safety = join(root, "src/safety");
const hasPipeline = existsSync(join(safety, "pipeline/scan-text.ts"));
const workerSource = `
import { normalize } from "./normalize/normalize";
import { secretDetectors } from "./secrets/index";
import { piiDetectors } from "./pii/index";
import { injectionDetectors } from "./injection/index";
${hasPipeline ? `import { scanText } from "./pipeline/scan-text";` : ""}
const ALL = [${ONLY.map((c) => ({ secrets: "...secretDetectors", pii: "...piiDetectors", injection: "...injectionDetectors" })[c]).join(", ")}];
function run(n, out) {
  const lower = n.text.toLowerCase();
  for (const d of ALL) if (!d.keywords || d.keywords.length === 0 || d.keywords.some((k) => lower.includes(k))) out.push(...d.scan(n));
}
function ownScan(text) {
  const n = normalize(text), out = [];
  run(n, out);
  for (const s of n.decoded) run(normalize(s.text), out);
  return out;
}
const scan = ${hasPipeline ? "(text) => scanText(text, ALL)" : "ownScan"};
export default {
  async fetch(request) {
    const url = new URL(request.url);
    const n = Number(url.searchParams.get("n") ?? 1);
    const body = await request.text();
    const texts = url.searchParams.get("json") ? JSON.parse(body).texts : [body];
    let findings = 0;
    for (let i = 0; i < n; i++) for (const t of texts) findings += scan(t).length;
    return Response.json({ n, texts: texts.length, findings });
  },
};`;
const script = (await build({
  stdin: { contents: workerSource, resolveDir: safety, loader: "ts" },
  bundle: true, format: "esm", platform: "neutral", target: "es2022", write: false, logLevel: "error",
})).outputFiles[0].text;

// Inputs.
const jsonl = (name) => readFileSync(join(DATA, name), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const inj = jsonl("injection.jsonl");
const evalTexts = [...inj, ...jsonl("pii.jsonl"), ...jsonl("secrets.jsonl")].map((r) => r.text);
const upTo = (parts, bytes) => {
  let out = "";
  for (const p of parts) {
    if (Buffer.byteLength(out) >= bytes) break;
    out += `${p}\n\n`;
  }
  return out;
};
// Clean prose: benign prompts and clean carrier documents from the injection set (no secrets, rarely PII).
const prose = upTo(inj.filter((r) => r.label === 0 && /notinject|xstest_safe|latent_carrier_clean|normal_instructions/.test(r.category)).map((r) => r.text), 32 * 1024);
// Code: the gateway's own TypeScript source.
const srcDir = join(root, "src/gateway");
const code = upTo(readdirSync(srcDir).filter((f) => f.endsWith(".ts") && !f.includes(".test.")).sort().map((f) => readFileSync(join(srcDir, f), "utf8")), 32 * 1024);
// A mixed, realistic prompt: instructions, a retrieved document, code, a stack trace with an email, a question.
const carrier = inj.find((r) => r.category.startsWith("garak_latent_carrier_clean"))?.text ?? prose.slice(0, 2000);
const mixed = [
  "You are a senior engineer helping me debug a deployment. Be concise and cite the file you refer to.",
  `Here is the relevant page from our internal wiki:\n\n${carrier}`,
  `And the module that fails:\n\n\`\`\`ts\n${code.slice(0, 3000)}\n\`\`\``,
  "The error from the logs (user jane.doe@example.com, call back on +1 415 555 0134 if needed):\nTypeError: Cannot read properties of undefined (reading 'budget')\n    at planCall (src/gateway/plan-call.ts:41:18)\n    at async handle (src/gateway/agent-call.ts:88:5)",
  "Why is the budget undefined for this agent, and what is the smallest fix? Please don't rewrite the whole file.",
].join("\n\n");
const corpora = [
  { key: "clean prose", body: prose },
  { key: "code (src/gateway/*.ts)", body: code },
  { key: "mixed realistic prompt", body: mixed },
  { key: "eval files concatenated (one text)", body: evalTexts.join("\n") },
  { key: "eval rows, one scan per row", body: JSON.stringify({ texts: evalTexts }), json: true, bytes: evalTexts.reduce((n, t) => n + Buffer.byteLength(t), 0) },
].map((c) => ({ ...c, kb: (c.bytes ?? Buffer.byteLength(c.body)) / 1024 }));

const worker = { name: "safety-bench", modules: true, script, scriptPath: "safety-bench.mjs", compatibilityDate: "2026-11-01", compatibilityFlags: ["nodejs_compat"] };
const mf = new Miniflare(convertV4MiniflareOptions({ host: "127.0.0.1", port: 0, ...worker }));
const base = (await mf.ready).href.replace(/\/$/, "");
const post = async (c, n) => {
  const t0 = process.hrtime.bigint();
  const res = await fetch(`${base}/scan?n=${n}${c.json ? "&json=1" : ""}`, { method: "POST", body: c.body });
  const out = await res.json();
  if (!res.ok) throw new Error(`scan failed: ${JSON.stringify(out)}`);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, findings: out.findings };
};
const loadStart = os.loadavg();
console.log(`safety scan in workerd (${hasPipeline ? "pipeline scanText" : "own normalise + prefilter + detectors"}; detectors: ${ONLY.join(", ")}); ${os.cpus().length} CPUs, load ${loadStart.map((l) => l.toFixed(2)).join(" ")}`);
const results = [];
try {
  for (const c of corpora) {
    await post(c, 2); // warm-up: JIT, lazy model decode
    const once = (await post(c, 1)).ms - (await post(c, 0)).ms;
    c.n = Math.max(1, Math.round(TARGET_MS / Math.max(once, 0.05)));
    c.samples = [];
    c.findings = (await post(c, 1)).findings;
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of corpora) {
      const empty = (await post(c, 0)).ms;
      const full = (await post(c, c.n)).ms;
      c.samples.push(((full - empty) * 1000) / c.n / c.kb);
    }
  }
  for (const c of corpora) {
    const s = [...c.samples].sort((a, b) => a - b);
    results.push({ corpus: c.key, kb: c.kb, scansPerRequest: c.n, findingsPerScan: c.findings, bestUsPerKb: s[0], medianUsPerKb: s[Math.floor(s.length / 2)], samples: c.samples });
  }
} finally {
  await mf.dispose();
}

const pad = (s, w, right) => (right ? String(s).padStart(w) : String(s).padEnd(w));
const rows = [["corpus", "KB", "scans/req", "findings", "best µs/KB", "median µs/KB", "≤100 µs/KB"], ...results.map((r) => [r.corpus, r.kb.toFixed(1), r.scansPerRequest, r.findingsPerScan, r.bestUsPerKb.toFixed(1), r.medianUsPerKb.toFixed(1), r.medianUsPerKb <= 100 ? "yes" : "NO"])];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log();
rows.forEach((r, k) => {
  console.log(r.map((c, i) => pad(c, widths[i], i > 0)).join("  "));
  if (k === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
});
const report = { date: new Date().toISOString(), detectors: ONLY, method: "outside timing: (request scanning n times − same request with n=0) / n / KB; KB = 1024 bytes UTF-8", scan: hasPipeline ? "pipeline scanText" : "own", rounds: ROUNDS, machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version }, loadAvgStart: loadStart, loadAvgEnd: os.loadavg(), results };
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nload average at end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; wrote ${OUT}`);
