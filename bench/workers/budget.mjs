// Benchmark-only Worker around the real AgentBudget Durable Object (durable-objects/agent-budget.ts).
//   POST /setup?agent=A                     configure() the agent's DO (huge budget, token hash "bench")
//   GET  /one?agent=A&mode=noop|reserve|pair one call (for client-side latency percentiles)
//   GET  /loop?agent=A&mode=reserve|pair&n=N&par=P[&interval=MS]
//        N operations with P in flight at once against ONE DO, timed inside workerd → { elapsedMs, ... };
//        with `interval`, each lane waits MS between operations (a paced agent instead of a saturating one).
//        Also → deliveredDuringLoop: { batches, rows } the DO delivered to D1 while the loop ran (no flush).
//   POST /flush?agent=A                     flush() the DO's outbox, then → { flushed, batches, rows } (deliveryStats)
// A "pair" is reserve() + settle() with a request_log record, as the gateway sends them
// (src/gateway/reserve-budget.ts, src/gateway/settle-call.ts), so settling also queues the audit row in the
// DO's outbox, which its alarm delivers to D1 (the `DB` binding, migrated by bench/lib/stack.mjs).
import { AgentBudget } from "../../durable-objects/agent-budget.ts";

export { AgentBudget };

const TOKEN_HASH = "bench";
const SPENDER = { kind: "agent", tokenHash: TOKEN_HASH };
let seq = 0;

function reserveInput(agentId, reservationId) {
  return {
    agentId,
    spender: SPENDER,
    reservationId,
    inputMicros: 5,
    inputTokens: 10,
    outputMicrosPerMillion: 600_000,
    requestedMaxTokens: 100,
    modelMaxTokens: 16_384,
    minOutputTokens: 16,
  };
}

/** The audit row the gateway hands to settle() for a small non-streaming gpt-4o-mini chat (RequestRecord). */
function record(agentId, requestId, startedAt, maxTokens) {
  return {
    id: requestId,
    agent_id: agentId,
    lease_id: null,
    provider_id: "prov_bench_openai",
    model: "gpt-4o-mini",
    api_shape: "openai",
    endpoint: "chat",
    stream: 0,
    status: 200,
    outcome: "ok",
    error_code: null,
    input_tokens: 10,
    cached_input_tokens: 0,
    cache_write_tokens: 0,
    output_tokens: 12,
    reasoning_tokens: 0,
    reserved_micros: 0, // set by the DO from the reservation
    cost_micros: 0, // set by the DO from the settlement
    usage_source: "provider",
    max_tokens: maxTokens,
    latency_ms: Date.now() - startedAt,
    ttfb_ms: null,
    price_version: "2026-11-01",
    created_at: new Date().toISOString(),
  };
}

async function op(stub, agentId, mode) {
  if (mode === "noop") return;
  const startedAt = Date.now();
  const requestId = `req_bench_${startedAt.toString(36)}_${seq++}_${Math.random().toString(36).slice(2, 10)}`;
  const reservationId = `${requestId}:0`;
  const grant = await stub.reserve(reserveInput(agentId, reservationId));
  if (!grant.ok) throw new Error(`reserve refused: ${grant.code}`);
  if (mode === "pair") {
    const settled = await stub.settle({ reservationId, costMicros: 7, source: "provider", tokens: 22, record: record(agentId, requestId, startedAt, grant.maxTokens) });
    if (!settled.ok) throw new Error(`settle failed: ${settled.reason}`);
  }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const agentId = `agt_bench_${url.searchParams.get("agent") ?? "1"}`;
    const mode = url.searchParams.get("mode") ?? "pair";
    const stub = env.AGENT_BUDGET.get(env.AGENT_BUDGET.idFromName(agentId));
    if (url.pathname === "/setup") {
      const snap = await stub.configure({ agentId, budgetMicros: 1e15, status: "active", tokenHash: TOKEN_HASH });
      return Response.json(snap);
    }
    if (url.pathname === "/one") {
      await op(stub, agentId, mode);
      return new Response("ok");
    }
    if (url.pathname === "/loop") {
      const n = Number(url.searchParams.get("n") ?? "1000");
      const par = Number(url.searchParams.get("par") ?? "1");
      const interval = Number(url.searchParams.get("interval") ?? "0");
      let next = 0;
      const lane = async () => {
        while (next < n) {
          next++;
          await op(stub, agentId, mode);
          if (interval > 0 && next < n) await new Promise((r) => setTimeout(r, interval));
        }
      };
      const stats0 = await stub.deliveryStats();
      const t0 = Date.now(); // advances across I/O (the DO calls and timers), which is all this loop does
      await Promise.all(Array.from({ length: par }, lane));
      const elapsedMs = Date.now() - t0;
      const stats1 = await stub.deliveryStats();
      const deliveredDuringLoop = { batches: stats1.batches - stats0.batches, rows: stats1.rows - stats0.rows };
      return Response.json({ n, par, mode, ...(interval > 0 ? { interval } : {}), elapsedMs, deliveredDuringLoop });
    }
    if (url.pathname === "/flush") {
      const flushed = await stub.flush();
      return Response.json({ flushed, ...(await stub.deliveryStats()) });
    }
    return new Response("not found", { status: 404 });
  },
};
