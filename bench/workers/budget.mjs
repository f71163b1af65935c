// Benchmark-only Worker around the real AgentBudget Durable Object (durable-objects/agent-budget.ts).
//   POST /setup?agent=A                     configure() the agent's DO (huge budget, token hash "bench")
//   GET  /one?agent=A&mode=noop|reserve|pair one call (for client-side latency percentiles)
//   GET  /loop?agent=A&mode=reserve|pair&n=N&par=P
//        N operations with P in flight at once against ONE DO, timed inside workerd → { elapsedMs }
import { AgentBudget } from "../../durable-objects/agent-budget.ts";

export { AgentBudget };

const TOKEN_HASH = "bench";
let seq = 0;

function reserveInput(agentId, reservationId) {
  return {
    agentId,
    tokenHash: TOKEN_HASH,
    reservationId,
    inputMicros: 5,
    outputMicrosPerMillion: 600_000,
    requestedMaxTokens: 100,
    modelMaxTokens: 16_384,
    minOutputTokens: 16,
  };
}

async function op(stub, agentId, mode) {
  if (mode === "noop") return;
  const id = `${agentId}:${Date.now()}:${seq++}:${Math.random()}`;
  const grant = await stub.reserve(reserveInput(agentId, id));
  if (!grant.ok) throw new Error(`reserve refused: ${grant.code}`);
  if (mode === "pair") {
    const settled = await stub.settle({ reservationId: id, costMicros: 7, source: "provider" });
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
      let next = 0;
      const lane = async () => {
        while (next < n) {
          next++;
          await op(stub, agentId, mode);
        }
      };
      const t0 = Date.now(); // advances across I/O (the DO calls), which is all this loop does
      await Promise.all(Array.from({ length: par }, lane));
      return Response.json({ n, par, mode, elapsedMs: Date.now() - t0 });
    }
    return new Response("not found", { status: 404 });
  },
};
