// Console tables for bench/run.mjs, and the machine description stored with the JSON.
import { execSync } from "node:child_process";
import os from "node:os";

const NAMES = { direct: "direct mock", passthrough: "pass-through", iron: "iron full path" };
const f = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : "-");
const pad = (s, n) => String(s).padStart(n);
const find = (list, target, c) => list.find((r) => r.target === target && r.concurrency === c);

export function machineInfo(root) {
  const git = (cmd) => {
    try {
      return execSync(cmd, { cwd: root, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    } catch {
      return "";
    }
  };
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    totalMemGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    commit: `${git("git rev-parse --short HEAD") || "unknown"}${git("git status --porcelain") ? "+dirty" : ""}`,
  };
}

export function printReport(r) {
  const line = (...cols) => console.log(cols.join(" "));
  console.log(`\n== Non-streaming POST /v1/chat/completions (gpt-4o-mini, 12-token reply); latency ms ==`);
  line("target".padEnd(15), pad("c", 3), pad("req/s", 7), pad("p50", 7), pad("p90", 7), pad("p99", 7), pad("n", 6), pad("err", 4));
  for (const x of r.chat) line(NAMES[x.target].padEnd(15), pad(x.concurrency, 3), pad(f(x.rps, 0), 7), pad(f(x.latency.p50, 2), 7), pad(f(x.latency.p90, 2), 7), pad(f(x.latency.p99, 2), 7), pad(x.ok, 6), pad(x.errors, 4));
  r.overhead = {};
  for (const c of [1, 16]) {
    const p = find(r.chat, "passthrough", c);
    const i = find(r.chat, "iron", c);
    const o = { addedP50Ms: i.latency.p50 - p.latency.p50, addedP99Ms: i.latency.p99 - p.latency.p99, rpsVsPassthrough: i.rps / p.rps };
    r.overhead[`c${c}`] = o;
    console.log(`iron vs pass-through, c=${c}: +${f(o.addedP50Ms, 2)} ms p50, +${f(o.addedP99Ms, 2)} ms p99, ${f(100 * o.rpsVsPassthrough, 0)}% of its req/s`);
  }

  const w = r.d1Writes;
  console.log(`\n== D1 write batches per request (Iron non-streaming; audit rows via the agent's budget-DO outbox) ==`);
  line("c".padStart(5), pad("requests", 9), pad("batches", 8), pad("rows", 6), pad("batches/req", 12), pad("rows/batch", 11), "  rows = requests");
  for (const x of [...w.cells, w.all]) line(pad(x.concurrency, 5), pad(x.requests, 9), pad(x.batches, 8), pad(x.rows, 6), pad(f(x.batchesPerRequest, 4), 12), pad(f(x.rowsPerBatch, 1), 11), `  ${x.rowsMatch ? "yes" : "NO"}`);

  console.log(`\n== Streaming (mock paced 10 ms per SSE event); ms from request start ==`);
  line("target".padEnd(15), pad("c", 3), pad("TTFB p50", 9), pad("TTFT p50", 9), pad("TTFT p99", 9), pad("total p50", 10), pad("n", 5), pad("err", 4));
  for (const x of r.stream) line(NAMES[x.target].padEnd(15), pad(x.concurrency, 3), pad(f(x.ttfb.p50), 9), pad(f(x.ttft.p50), 9), pad(f(x.ttft.p99), 9), pad(f(x.latency.p50), 10), pad(x.ok, 5), pad(x.errors, 4));

  const b = r.budget;
  const pc = Object.fromEntries(b.perCall.map((x) => [x.target, x.latency]));
  b.reserveAddedP50Ms = pc.reserve.p50 - pc.noop.p50;
  b.pairAddedP50Ms = pc.pair.p50 - pc.noop.p50;
  console.log(`\n== Budget Durable Object (real AgentBudget, one agent's object) ==`);
  console.log(`client → Worker → DO, c=1, p50/p99 ms: no DO call ${f(pc.noop.p50, 2)}/${f(pc.noop.p99, 2)}, reserve ${f(pc.reserve.p50, 2)}/${f(pc.reserve.p99, 2)}, reserve+settle ${f(pc.pair.p50, 2)}/${f(pc.pair.p99, 2)}`);
  console.log(`added by one reservation on the request path (p50): ${f(b.reserveAddedP50Ms, 2)} ms; reserve+settle: ${f(b.pairAddedP50Ms, 2)} ms`);
  for (const l of b.loops) {
    const d = l.delivery;
    const dText = d ? `; D1: ${d.batches} batches for ${d.rows} rows, ${f(d.batchesPerRequest, 4)} batches/pair, ${f(d.rowsPerBatch, 1)} rows/batch${d.rowsMatch ? "" : " (rows ≠ pairs)"}` : "";
    console.log(`${l.mode === "pair" ? "reserve+settle(record) pairs" : "reserves"} with ${l.par} in flight, timed inside workerd: ${f(l.perSec, 0)}/s (${l.n} in ${l.elapsedMs} ms)${dText}`);
    if (d) console.log(`  delivered to D1 while the loop ran: ${l.deliveredDuringLoop.rows} rows in ${l.deliveredDuringLoop.batches} batches (the rest after it)`);
  }
  const p = b.paced;
  if (p) console.log(`paced, one pair every ${p.interval} ms (${f(p.perSec, 0)}/s): D1: ${p.delivery.batches} batches for ${p.delivery.rows} rows, ${f(p.delivery.batchesPerRequest, 3)} batches/pair, ${f(p.delivery.rowsPerBatch, 1)} rows/batch`);

  const c = r.cold;
  console.log(`\n== First requests (fresh connection), ms ==`);
  console.log(`mock: first ${f(c.directFirstMs)}, second ${f(c.directSecondMs)}; pass-through first ${f(c.passthroughFirstMs)}`);
  console.log(`iron: seed ${f(c.seedMs)}, then GET /v1/models ${f(c.ironModelsFirstMs)}, first /v1/messages (claude) ${f(c.ironMessagesFirstMs)}, first chat (gpt-4o-mini) ${f(c.ironChatFirstMs)}, second chat ${f(c.ironChatSecondMs)}`);
  const a = r.audit;
  console.log(`\naudit: ${a.ironRequests} Iron requests → ${a.requestLogRows} request_log rows, ${a.auditLogLines} log lines${a.requestLogRows === a.ironRequests ? "" : "  (MISMATCH)"}`);
  console.log(`load average: start ${r.loadAvgStart.map((x) => x.toFixed(2)).join(" ")}, end ${r.loadAvgEnd.map((x) => x.toFixed(2)).join(" ")}`);
}
