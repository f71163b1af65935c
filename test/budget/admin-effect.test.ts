import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { regenerateAgentToken, revokeAgentToken } from "../../src/services/agents/token-lifecycle";
import { updateAgentState } from "../../src/services/agents/update-agent-state";
import { jsonPost } from "../helpers/gateway";
import { createTestAgent, mockBill, mockUrl, settled } from "../helpers/fixtures";

const held = (hold: string) => ({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: `go [[mock:hold=${hold}]]` }] });
const plain = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] };

/** Starts a stream that the mock holds open after its first chunk, so a request is in flight during the change. */
async function inFlight(token: string): Promise<{ finish: () => Promise<void> }> {
  const hold = crypto.randomUUID();
  const res = await jsonPost("/v1/chat/completions", token, held(hold));
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  await reader.read();
  return {
    finish: async () => {
      await fetch(`${mockUrl()}/__mock/release/${hold}`, { method: "POST" });
      while (!(await reader.read()).done) { /* drain */ }
    },
  };
}

describe("admin changes take effect on the next request, with requests in flight", () => {
  it("revoked token", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const flight = await inFlight(agent.token);
    await revokeAgentToken(env, agent.agentId);
    expect((await jsonPost("/v1/chat/completions", agent.token, plain)).status).toBe(401);
    await flight.finish();
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe((await mockBill(agent.openaiKey)).cost_micros);
  });

  it("regenerated token: the old one fails at once, the new one works", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const flight = await inFlight(agent.token);
    const next = await regenerateAgentToken(env, agent.agentId);
    if (!("token" in next)) throw new Error("regenerate failed");
    expect((await jsonPost("/v1/chat/completions", agent.token, plain)).status).toBe(401);
    expect((await jsonPost("/v1/chat/completions", next.token, plain)).status).toBe(200);
    await flight.finish();
  });

  it("suspended agent", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const flight = await inFlight(agent.token);
    await updateAgentState(env, agent.agentId, { status: "suspended" });
    const res = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect(res.status).toBe(403);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe("agent_suspended");
    await flight.finish();
    await updateAgentState(env, agent.agentId, { status: "active" });
    expect((await jsonPost("/v1/chat/completions", agent.token, plain)).status).toBe(200);
  });

  it("budget lowered below spend: the agent is exhausted at once", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const flight = await inFlight(agent.token);
    const first = await jsonPost("/v1/chat/completions", agent.token, plain);
    await first.text();
    await updateAgentState(env, agent.agentId, { budgetMicros: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect(res.status).toBe(429);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe("budget_exceeded");
    await flight.finish();
    const ledger = await settled(agent.agentId);
    expect(ledger.remainingMicros).toBe(0);
  });
});
