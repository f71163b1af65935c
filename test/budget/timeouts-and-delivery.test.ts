import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { budgetStub } from "../../src/services/agents/budget-stub";
import { loadAgentConfig } from "../../src/services/agents/load-agent";
import { jsonPost } from "../helpers/gateway";
import { createTestAgent, settled } from "../helpers/fixtures";

const reserveInput = (agentId: string, tokenHash: string, reservationId: string) => ({
  agentId,
  spender: { kind: "agent" as const, tokenHash },
  reservationId,
  inputMicros: 100,
  inputTokens: 10,
  outputMicrosPerMillion: 1_000_000,
  requestedMaxTokens: 1_000,
  modelMaxTokens: 16_000,
  minOutputTokens: 16,
});

describe("crashes: a reservation never settled counts as spent until reconciled", () => {
  it("the sweep charges a stale reservation in full; a late settlement reconciles it down exactly once", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const loaded = await loadAgentConfig(env, agent.agentId);
    if (loaded === null || loaded.config.tokenHash === null) throw new Error("agent missing");
    const stub = budgetStub(env, agent.agentId);
    await stub.configure({ ...loaded.config, reservationTtlMs: 1 });
    const grant = await stub.reserve(reserveInput(agent.agentId, loaded.config.tokenHash, "crash-1"));
    if (!grant.ok) throw new Error("reserve refused");
    expect(grant.amountMicros).toBe(1_100);
    await new Promise((r) => setTimeout(r, 5));
    await runDurableObjectAlarm(stub);
    let snapshot = await stub.snapshot(agent.agentId);
    expect(snapshot?.reservedMicros).toBe(0);
    expect(snapshot?.spentMicros).toBe(1_100);

    const late = await stub.settle({ reservationId: "crash-1", costMicros: 300, source: "provider", tokens: 40 });
    expect(late).toMatchObject({ ok: true, late: true, duplicate: false, costMicros: 300 });
    const again = await stub.settle({ reservationId: "crash-1", costMicros: 300, source: "provider", tokens: 40 });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    snapshot = await stub.snapshot(agent.agentId);
    expect(snapshot?.spentMicros).toBe(300);
    const events = await deliveredEvents(agent.agentId);
    expect(events.filter((e) => e.kind === "reservation_expired")).toHaveLength(1);
    expect(events.filter((e) => e.kind === "reconcile")).toHaveLength(1);
  });

  it("reserving twice with the same id holds the budget once; settling twice charges once", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const loaded = await loadAgentConfig(env, agent.agentId);
    if (loaded === null || loaded.config.tokenHash === null) throw new Error("agent missing");
    const stub = budgetStub(env, agent.agentId);
    const input = reserveInput(agent.agentId, loaded.config.tokenHash, "dup-1");
    await stub.reserve(input);
    await stub.reserve(input);
    expect((await stub.snapshot(agent.agentId))?.reservedMicros).toBe(1_100);
    await stub.settle({ reservationId: "dup-1", costMicros: 500, source: "provider", tokens: 10 });
    await stub.settle({ reservationId: "dup-1", costMicros: 900, source: "provider", tokens: 10 });
    const snapshot = await stub.snapshot(agent.agentId);
    expect(snapshot?.spentMicros).toBe(500);
    expect(snapshot?.reservedMicros).toBe(0);
  });
});

describe("usage rows flow from the budget object to D1 exactly once", () => {
  it("every request lands once in request_log, and a repeated flush adds nothing", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const responses = await Promise.all(Array.from({ length: 12 }, () => jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] })));
    await Promise.all(responses.map((r) => r.text()));
    const ledger = await settled(agent.agentId);
    const stub = budgetStub(env, agent.agentId);
    await stub.flush();
    await stub.flush();
    const rows = await env.DB.prepare("SELECT id, cost_micros FROM request_log WHERE agent_id = ? AND outcome = 'ok'").bind(agent.agentId).all<{ id: string; cost_micros: number }>();
    expect(rows.results).toHaveLength(12);
    expect(new Set(rows.results.map((r) => r.id)).size).toBe(12);
    expect(rows.results.reduce((sum, r) => sum + r.cost_micros, 0)).toBe(ledger.spentMicros);
  });
});

async function deliveredEvents(agentId: string): Promise<{ kind: string; amount_micros: number }[]> {
  await budgetStub(env, agentId).flush();
  const rows = await env.DB.prepare("SELECT kind, amount_micros FROM budget_events WHERE agent_id = ?").bind(agentId).all<{ kind: string; amount_micros: number }>();
  return rows.results;
}
