// Benchmark-only Worker loaded next to the gateway in the same Miniflare/workerd, bound to the gateway's own
// AGENT_BUDGET namespace (`scriptName: "iron-gateway"`), so it reaches the very Durable Object instances the
// gateway's requests use. The gateway exposes no RPC to the bench; this Worker does, for one agent:
//   POST /delivery?agent=<agent id>   flush() the agent's outbox, then → { flushed, batches, rows } (deliveryStats())
// Reached from Node through `mf.getWorker("bench-gateway-probe")`, never over the gateway's port.
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const agentId = url.searchParams.get("agent");
    if (url.pathname !== "/delivery" || !agentId) return new Response("not found", { status: 404 });
    const stub = env.AGENT_BUDGET.get(env.AGENT_BUDGET.idFromName(agentId));
    const flushed = await stub.flush();
    return Response.json({ flushed, ...(await stub.deliveryStats()) });
  },
};
