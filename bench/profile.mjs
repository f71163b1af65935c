#!/usr/bin/env node
// CPU profile of Iron's gateway isolate under load: `node_modules/.bin/node bench/profile.mjs [--c 16] [--n 1500] [--stream]`.
// Starts the same stack as run.mjs with the V8 inspector on the gateway's workerd, records a CPU profile
// while sending N chat completions, prints the top self-time functions and writes
// bench/results/gateway.cpuprofile (open it in Chrome DevTools → Performance, or speedscope).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Agent } from "undici";
import { measure, summarize } from "./lib/load.mjs";
import { root, startStack } from "./lib/stack.mjs";

process.env.WRANGLER_SEND_METRICS = "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const concurrency = Number(arg("c", "16"));
const requests = Number(arg("n", "1500"));
const stream = process.argv.includes("--stream");
const inspectorPort = 9300 + Math.floor(Math.random() * 500);

const stack = await startStack({ inspectorPort });
const spec = {
  url: `${stack.gateway.url}/v1/chat/completions`,
  headers: { "content-type": "application/json", authorization: `Bearer ${stack.token}` },
  body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: stream ? "hi [[mock:pace_ms=10]]" : "hi" }], stream }),
  stream,
};
const dispatcher = new Agent({ connections: concurrency });
try {
  await measure(dispatcher, spec, concurrency, 200);
  const ws = new WebSocket(`ws://127.0.0.1:${inspectorPort}/core:user:iron-gateway`);
  await new Promise((resolve, reject) => ws.addEventListener("open", resolve) || ws.addEventListener("error", reject));
  let nextId = 1;
  const pending = new Map();
  ws.addEventListener("message", (e) => {
    const msg = JSON.parse(e.data);
    if (msg.id !== undefined) pending.get(msg.id)?.(msg);
  });
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 200 });
  await send("Profiler.start");
  const m = await measure(dispatcher, spec, concurrency, requests);
  const r = { rps: (m.samples.length / m.wallMs) * 1000, latency: summarize(m.samples.map((x) => x.totalMs)) };
  const { result } = await send("Profiler.stop");
  ws.close();
  console.log(`\n${requests} requests at c=${concurrency}: ${r.rps.toFixed(0)} req/s, p50 ${r.latency.p50.toFixed(2)} ms, p99 ${r.latency.p99.toFixed(2)} ms`);

  const profile = result.profile;
  const dt = new Map(); // node id → sampled µs
  for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...dt.values()].reduce((a, b) => a + b, 0);
  const self = new Map();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  const idle = [...self].filter(([k]) => k.startsWith("(idle)")).reduce((a, [, v]) => a + v, 0);
  console.log(`gateway isolate busy ${(((total - idle) / total) * 100).toFixed(0)}% of ${(total / 1000).toFixed(0)} ms; ~${((total - idle) / requests / 1000).toFixed(2)} ms per request (the profiler itself inflates this)`);
  console.log("top self time (µs per request):");
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(us / requests).toFixed(0).padStart(6)}  ${key}`);
  // Inclusive time of the bundle's own functions: each sample counts once for every distinct function on its stack.
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const incl = new Map();
  for (const [id, us] of dt) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame;
      if (!f.url.includes("iron-gateway")) continue;
      const key = `${f.functionName || "(anonymous)"}:${f.lineNumber + 1}`;
      if (!seen.has(key)) seen.add(key), incl.set(key, (incl.get(key) ?? 0) + us);
    }
  }
  console.log("top inclusive time in the gateway bundle (µs per request):");
  for (const [key, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(us / requests).toFixed(0).padStart(6)}  ${key}`);
  const out = join(root, "bench/results/gateway.cpuprofile");
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(out, JSON.stringify(profile));
  console.log(`wrote ${out}`);
} finally {
  await dispatcher.close();
  await stack.dispose();
}
