import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { budgetStub } from "../../src/services/agents/budget-stub";
import { hashToken } from "../../src/tokens/opaque-token";
import { regenerateAgentToken } from "../../src/services/agents/token-lifecycle";
import { GATEWAY, gatewayFetch, jsonPost } from "../helpers/gateway";
import { budgetOf, createTestAgent, mockBill, settled } from "../helpers/fixtures";
import { budgetCall, openLease } from "../helpers/leases";

const chat = (content = "hi", extra: Record<string, unknown> = {}) => ({ model: "gpt-4o-mini", messages: [{ role: "user", content }], ...extra });

describe("leases: the budget control protocol", () => {
  it("handshake lends a slice, which is held against the agent until returned; the remainder flows back", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const lease = await openLease(agent.token, 0.25);
    expect(lease.lease_token).toMatch(/^icl_/);
    expect(lease.granted_usd).toBe("0.250000");
    expect(lease.agent_remaining_usd).toBe("0.750000");
    expect(JSON.stringify(lease)).not.toMatch(/sk-|CANARY/);

    const res = await jsonPost("/v1/chat/completions", lease.lease_token, chat());
    expect(res.status).toBe(200);
    expect(res.headers.get("x-iron-budget-remaining-usd")).not.toBeNull();
    await res.text();
    await settled(agent.agentId);
    const cost = (await mockBill(agent.openaiKey)).cost_micros;
    expect(cost).toBeGreaterThan(0);

    const returned = await budgetCall("return", lease.lease_token);
    expect(returned.status).toBe(200);
    expect(returned.body.state).toBe("returned");
    expect(Math.round(Number(returned.body.returned_usd) * 1e6)).toBe(250_000 - cost);
    const after = await budgetOf(agent.agentId);
    expect(after.leasedOutMicros).toBe(0);
    expect(after.spentMicros).toBe(cost);
    expect(after.remainingMicros).toBe(1_000_000 - cost);

    const late = await jsonPost("/v1/chat/completions", lease.lease_token, chat());
    expect(late.status).toBe(429);
    expect((await late.json<{ error: { code: string } }>()).error.code).toBe("budget_exceeded");
  });

  it("a call on a lease is refused when the lease cannot cover it, even though the agent could", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const lease = await openLease(agent.token, 0.000005);
    const res = await jsonPost("/v1/chat/completions", lease.lease_token, chat("hello", { model: "gpt-4o" }));
    expect(res.status).toBe(429);
    expect(res.headers.get("x-iron-lease-remaining-usd")).toBe("0.000005");
    expect(res.headers.get("x-iron-budget-remaining-usd")).toBe("0.999995");
    expect((await res.json<{ error: { message: string } }>()).error.message).toMatch(/lease/i);
    expect((await mockBill(agent.openaiKey)).requests).toBe(0);
    const direct = await jsonPost("/v1/chat/completions", agent.token, chat("hello", { model: "gpt-4o", max_tokens: 20 }));
    expect(direct.status).toBe(200);
  });

  it("x-iron-lease with the agent token spends from the lease; a lease of another agent is refused", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const other = await createTestAgent({ budgetUsd: 1 });
    const lease = await openLease(agent.token, 0.1);
    const res = await jsonPost("/v1/chat/completions", agent.token, chat(), { "x-iron-lease": lease.lease_token });
    expect(res.status).toBe(200);
    await res.text();
    await settled(agent.agentId);
    const view = await gatewayFetch("/api/v1/budget/lease", { headers: { authorization: `Bearer ${lease.lease_token}` } });
    const body = await view.json<{ spent_usd: string }>();
    expect(Number(body.spent_usd)).toBeGreaterThan(0);
    const foreign = await jsonPost("/v1/chat/completions", other.token, chat(), { "x-iron-lease": lease.lease_token });
    expect(foreign.status).toBe(401);
  });

  it("any client that sets a base URL and key can spend from a lease (official openai client)", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const lease = await openLease(agent.token, 0.05);
    const client = new OpenAI({ apiKey: lease.lease_token, baseURL: `${GATEWAY}/v1`, fetch: (input, init) => gatewayFetch(input, init) });
    const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });
    expect(completion.choices[0]?.message.content).toBeTruthy();
  });

  it("refresh adds budget and extends expiry, and is refused when the parent has none left", async () => {
    const agent = await createTestAgent({ budgetUsd: 0.1 });
    const lease = await openLease(agent.token, 0.06, 60);
    const more = await budgetCall("refresh", lease.lease_token, { requested_usd: 0.03, ttl_seconds: 600 });
    expect(more.status).toBe(200);
    expect(more.body.granted_usd).toBe("0.090000");
    expect(Date.parse(more.body.expires_at)).toBeGreaterThan(Date.parse(lease.expires_at));
    const refused = await budgetCall("refresh", lease.lease_token, { requested_usd: 0.05 });
    expect(refused.status).toBe(200);
    expect(refused.body.granted_usd).toBe("0.100000");
    const none = await budgetCall("refresh", lease.lease_token, { requested_usd: 0.05 });
    expect(none.status).toBe(429);
    expect(none.body.error?.code).toBe("BUDGET_EXCEEDED");
  });

  it("report records external usage once per event id", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const lease = await openLease(agent.token, 0.5);
    const first = await budgetCall("report", lease.lease_token, { event_id: "evt-1", cost_usd: 0.01 });
    expect(first.status).toBe(200);
    expect(first.body.duplicate).toBe(false);
    const again = await budgetCall("report", lease.lease_token, { event_id: "evt-1", cost_usd: 0.01 });
    expect(again.body.duplicate).toBe(true);
    const byUsage = await budgetCall("report", lease.lease_token, { event_id: "evt-2", usage: { model: "gpt-4o", input_tokens: 1000, output_tokens: 100 } });
    expect(byUsage.status).toBe(200);
    const snapshot = await budgetOf(agent.agentId);
    expect(snapshot.spentMicros).toBe(10_000 + 2_500 + 1_000);
    const bad = await budgetCall("report", lease.lease_token, { event_id: "evt-3" });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe("VALIDATION_ERROR");
  });

  it("nested leases borrow from their parent lease", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const outer = await openLease(agent.token, 0.3);
    const inner = await openLease(outer.lease_token, 0.1);
    expect(inner.granted_usd).toBe("0.100000");
    const tooMuch = await budgetCall("handshake", outer.lease_token, { requested_usd: 0.5 });
    expect(tooMuch.body.granted_usd).toBe("0.200000");
    await budgetCall("return", outer.lease_token);
    const innerCall = await jsonPost("/v1/chat/completions", inner.lease_token, chat());
    expect(innerCall.status).toBe(429);
    expect((await budgetOf(agent.agentId)).leasedOutMicros).toBe(0);
  });

  it("an expired lease is closed by the alarm: remainder returned, later spend refused", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const lease = await openLease(agent.token, 0.2, 10);
    expect((await budgetOf(agent.agentId)).leasedOutMicros).toBe(200_000);
    const stub = budgetStub(env, agent.agentId);
    // Stand in for the passing of time: move the expiry into the past. The object schedules its alarm for it;
    // run it now (it may already have fired on its own, which is just as good).
    await stub.refreshLease(await hashToken(lease.lease_token), 0, -1);
    await runDurableObjectAlarm(stub);
    await stub.flush();
    const events = await env.DB.prepare("SELECT kind, amount_micros FROM budget_events WHERE pool_id = ?").bind(lease.lease_id).all<{ kind: string; amount_micros: number }>();
    expect(events.results).toContainEqual({ kind: "lease_expired", amount_micros: 200_000 });
    const after = await budgetOf(agent.agentId);
    expect(after.leasedOutMicros).toBe(0);
    expect(after.remainingMicros).toBe(1_000_000);
    const res = await jsonPost("/v1/chat/completions", lease.lease_token, chat());
    expect(res.status).toBe(429);
    expect((await mockBill(agent.openaiKey)).requests).toBe(0);
  });

  it("regenerating the agent token revokes its leases", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const lease = await openLease(agent.token, 0.2);
    await regenerateAgentToken(env, agent.agentId);
    const res = await jsonPost("/v1/chat/completions", lease.lease_token, chat());
    expect(res.status).toBe(429);
    expect((await budgetOf(agent.agentId)).leasedOutMicros).toBe(0);
  });

  it("budget API bodies are capped (413) and validated with every field named", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const huge = await budgetCall("handshake", agent.token, { requested_usd: 1, padding: "x".repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    const bad = await budgetCall("handshake", agent.token, { requested_usd: -1, ttl_seconds: 1 });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as unknown as { error: { fields: Record<string, string> } }).error.fields).sort()).toEqual(["requested_usd", "ttl_seconds"]);
    expect((await budgetOf(agent.agentId)).leasedOutMicros).toBe(0);
  });

  it("a handshake with a bad token or no budget is refused and hands out nothing", async () => {
    const agent = await createTestAgent({ budgetUsd: 0.01 });
    const bad = await budgetCall("handshake", "ic_bogus", { requested_usd: 1 });
    expect(bad.status).toBe(401);
    const lease = await openLease(agent.token, 5);
    expect(lease.granted_usd).toBe("0.010000");
    const none = await budgetCall("handshake", agent.token, { requested_usd: 1 });
    expect(none.status).toBe(429);
    expect(JSON.stringify(none.body)).not.toContain("lease_token");
  });
});
