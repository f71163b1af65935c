#!/usr/bin/env node
// Iron Runtime benchmark: `npm run bench [-- --quick] [-- --out file.json]`. See bench/README.md.
// Same run, same machine: (a) direct to the mock provider, (b) a bare pass-through Worker, (c) Iron's full
// path; non-streaming at concurrency 1 and 16, streams' time to first token, D1 write batches per request, and
// the budget Durable Object.
// Everything runs in local workerd processes through the Miniflare API; traffic only to 127.0.0.1.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { compare, single } from "./lib/load.mjs";
import { machineInfo, printReport } from "./lib/report.mjs";
import { root, startStack } from "./lib/stack.mjs";

process.env.WRANGLER_SEND_METRICS = "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const outAt = args.indexOf("--out");
const outFile = outAt >= 0 ? args[outAt + 1] : join(root, "bench/results/latest.json");

// Fixed request counts per target and cell; warm-up requests are not recorded.
const cnt = (warmup, requests) => ({ warmup, requests });
const PLAN = quick
  ? { rounds: 2, chatC1: cnt(50, 300), chatC16: cnt(100, 800), streamC1: cnt(5, 30), streamC16: cnt(16, 96), budgetOne: cnt(50, 300), budgetLoop: 2_000, budgetPaced: 40 }
  : { rounds: 3, chatC1: cnt(150, 1_200), chatC16: cnt(300, 3_000), streamC1: cnt(10, 90), streamC16: cnt(32, 384), budgetOne: cnt(100, 1_500), budgetLoop: 10_000, budgetPaced: 100 };

const json = { "content-type": "application/json" };
const chatBody = (stream) =>
  JSON.stringify({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: stream ? "Say hello. [[mock:pace_ms=10]]" : "Say hello." }],
    ...(stream ? { stream: true } : {}),
  });

const report = { date: new Date().toISOString(), quick, plan: PLAN, machine: machineInfo(root), loadAvgStart: os.loadavg() };
console.log(`Iron Runtime benchmark${quick ? " (--quick)" : ""}: ${report.machine.cpus} CPU(s), node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
if (os.loadavg()[0] > 0.5) console.log("  note: the machine is not idle; numbers will be noisier (targets are interleaved to share the noise)");
console.log("starting workerd processes…");
const stack = await startStack();
const targets = [
  { key: "direct", url: `${stack.mock.url}/v1/chat/completions`, headers: { ...json, authorization: "Bearer sk-bench-direct" } },
  { key: "passthrough", url: `${stack.passthrough.url}/v1/chat/completions`, headers: json },
  { key: "iron", url: `${stack.gateway.url}/v1/chat/completions`, headers: { ...json, authorization: `Bearer ${stack.token}` } },
];
const specs = (stream) => targets.map((t) => ({ ...t, body: chatBody(stream), stream }));
const cell = (list, counts, concurrency) => compare(list, { concurrency, ...counts, rounds: PLAN.rounds });
let ironRequests = 0;
/** Counts the Iron requests of one cell (warm-up included) into the audit total; returns the cell's count. */
const countIron = ({ warmup, requests }) => {
  const n = warmup + Math.ceil(requests / PLAN.rounds) * PLAN.rounds;
  ironRequests += n;
  return n;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const PACE_MS = 50; // the paced budget loop: one reserve+settle pair every 50 ms (20 requests/s for one agent)
const DRAIN_MS = 1_000; // > the DO's 250 ms flush delay: its alarm has delivered the outbox before we flush()
/**
 * D1 write batches per request from two deliveryStats() readings. `flushed` = rows our own flush() still found
 * (its batch is counted; normally 0 after DRAIN_MS). `rowsMatch`: every request's row was delivered, exactly once
 * (the counters are per DO instance: a restart of the object in between would break this).
 */
function deliveryFigures({ concurrency, requests, before, after }) {
  const batches = after.batches - before.batches;
  const rows = after.rows - before.rows;
  return { concurrency, requests, batches, rows, flushedByBench: after.flushed, batchesPerRequest: batches / requests, rowsPerBatch: batches > 0 ? rows / batches : null, rowsMatch: rows === requests };
}

try {
  // First requests, each on a fresh connection. The seed request already ran the gateway's module init.
  // Iron: /v1/models warms auth + KV/D1 lookups; the first Anthropic call adds the budget DO's start and the
  // first upstream connection; the first gpt-4o-mini call then mostly adds building the o200k tokenizer.
  const iron = stack.gateway.url;
  const auth = { authorization: `Bearer ${stack.token}` };
  const t = async (spec) => (await single(spec)).totalMs;
  report.cold = {
    seedMs: stack.seedMs,
    directFirstMs: await t({ ...specs(false)[0] }),
    directSecondMs: await t({ ...specs(false)[0] }),
    passthroughFirstMs: await t({ ...specs(false)[1] }),
    ironModelsFirstMs: await t({ url: `${iron}/v1/models`, method: "GET", headers: auth }),
    ironMessagesFirstMs: await t({ url: `${iron}/v1/messages`, headers: { ...json, ...auth, "anthropic-version": "2023-06-01" }, body: JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 64, messages: [{ role: "user", content: "Say hello." }] }) }),
    ironChatFirstMs: await t(specs(false)[2]),
    ironChatSecondMs: await t(specs(false)[2]),
  };
  ironRequests += 3;
  console.log(`first requests: ${Object.entries(report.cold).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`);

  // D1 writes per request: every Iron request's audit row is queued in the demo agent's budget DO and delivered
  // to D1 in batches (alarm ~250 ms after a change). Around each non-streaming cell: let the alarm drain the
  // outbox, then flush() and read deliveryStats() through the bench probe Worker (bench/workers/gateway-probe.mjs);
  // the difference over the cell, divided by the Iron requests sent in it (warm-up included), is the figure.
  const settled = async () => {
    await sleep(DRAIN_MS);
    return stack.agentDelivery();
  };
  report.chat = [];
  report.d1Writes = { cells: [] };
  let before = await settled();
  for (const [c, counts] of [[1, PLAN.chatC1], [16, PLAN.chatC16]]) {
    console.log(`non-streaming, c=${c}…`);
    report.chat.push(...(await cell(specs(false), counts, c)));
    const requests = countIron(counts);
    const after = await settled();
    report.d1Writes.cells.push(deliveryFigures({ concurrency: c, requests, before, after }));
    before = after;
  }
  report.d1Writes.all = deliveryFigures({
    concurrency: "all",
    requests: report.d1Writes.cells.reduce((n, x) => n + x.requests, 0),
    before: { batches: 0, rows: 0 },
    after: { batches: report.d1Writes.cells.reduce((n, x) => n + x.batches, 0), rows: report.d1Writes.cells.reduce((n, x) => n + x.rows, 0), flushed: 0 },
  });
  report.stream = [];
  for (const [c, counts] of [[1, PLAN.streamC1], [16, PLAN.streamC16]]) {
    console.log(`streaming, c=${c}…`);
    report.stream.push(...(await cell(specs(true), counts, c)));
    countIron(counts);
  }

  // Budget Durable Object: the real AgentBudget class, one agent's object, called from a Worker in the same workerd.
  console.log("budget Durable Object…");
  const b = stack.budget.url;
  await fetch(`${b}/setup?agent=one`, { method: "POST" }).then((r) => r.json());
  const one = ["noop", "reserve", "pair"].map((mode) => ({ key: mode, url: `${b}/one?agent=one&mode=${mode}`, method: "GET", stream: false }));
  report.budget = { perCall: await cell(one, PLAN.budgetOne, 1), loops: [] };
  // Each pair settles with an audit record (as the gateway does), so the loops fill the DO's outbox, which its
  // alarm delivers to D1. The batches each pair loop caused are read as for the gateway. Locally the alarm did
  // not fire while a loop kept the DO busy back to back (README): `deliveredDuringLoop` shows it.
  const budgetDelivery = async () => {
    await sleep(DRAIN_MS);
    return fetch(`${b}/flush?agent=one`, { method: "POST" }).then((x) => x.json());
  };
  // Last, a paced agent (one pair every PACE_MS): the D1 batches per request when the DO is not saturated.
  for (const [mode, par, n, interval] of [["reserve", 1, PLAN.budgetLoop, 0], ["pair", 1, PLAN.budgetLoop, 0], ["pair", 16, PLAN.budgetLoop, 0], ["pair", 1, PLAN.budgetPaced, PACE_MS]]) {
    const start = mode === "pair" ? await budgetDelivery() : null;
    const r = await fetch(`${b}/loop?agent=one&mode=${mode}&n=${n}&par=${par}&interval=${interval}`).then((x) => x.json());
    const delivery = start === null ? undefined : deliveryFigures({ concurrency: par, requests: r.n, before: start, after: await budgetDelivery() });
    const entry = { ...r, perSec: r.elapsedMs > 0 ? (r.n / r.elapsedMs) * 1000 : null, ...(delivery ? { delivery } : {}) };
    if (interval > 0) report.budget.paced = entry;
    else report.budget.loops.push(entry);
  }

  // Audit: every Iron request should leave one D1 row (queued in the agent's DO, delivered by its alarm; flushed
  // here to be sure) and one log line (written after the settlement, in waitUntil).
  await sleep(1500);
  await stack.agentDelivery();
  const rows = (await stack.db.prepare("SELECT COUNT(*) AS n FROM request_log").first()).n;
  report.audit = { ironRequests, requestLogRows: rows, auditLogLines: stack.counts.auditLines };
} finally {
  await stack.dispose();
}

report.loadAvgEnd = os.loadavg();
printReport(report);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(report, null, 2) + "\n");
console.log(`\nwrote ${outFile}`);
const failed = [...report.chat, ...report.stream, ...report.budget.perCall].some((x) => x.errors > 0) || report.audit.requestLogRows !== report.audit.ironRequests;
if (failed) {
  console.error("bench: some requests failed or audit rows are missing (see above)");
  process.exitCode = 1;
}
