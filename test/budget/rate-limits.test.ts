import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { updateAgentState } from "../../src/services/agents/update-agent-state";
import { jsonPost } from "../helpers/gateway";
import { createTestAgent, mockBill } from "../helpers/fixtures";

const plain = { model: "gpt-4o-mini", max_tokens: 50, messages: [{ role: "user", content: "hi" }] };
const limits = (l: { rpm?: number; tpm?: number; concurrent?: number }) => ({
  requestsPerMinute: l.rpm ?? null,
  tokensPerMinute: l.tpm ?? null,
  concurrentRequests: l.concurrent ?? null,
});

describe("per-agent limits, checked with the reservation", () => {
  it("requests per minute: rate_limited 429 with retry-after, distinct from budget_exceeded", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    await updateAgentState(env, agent.agentId, { limits: limits({ rpm: 3 }) });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await jsonPost("/v1/chat/completions", agent.token, plain);
      statuses.push(res.status);
      await res.text();
    }
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await limited.json<{ error: { code: string } }>()).error.code).toBe("rate_limited");
    expect((await mockBill(agent.openaiKey)).requests).toBe(3);
  });

  it("concurrent requests: at most N in flight", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    await updateAgentState(env, agent.agentId, { limits: limits({ concurrent: 2 }) });
    const slow = { ...plain, messages: [{ role: "user", content: "hi [[mock:fault=slow_first_byte]] [[mock:delay_ms=300]]" }] };
    const responses = await Promise.all(Array.from({ length: 6 }, () => jsonPost("/v1/chat/completions", agent.token, slow)));
    await Promise.all(responses.map((r) => r.text()));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
  });

  it("tokens per minute count the reservation's bound", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    await updateAgentState(env, agent.agentId, { limits: limits({ tpm: 150 }) });
    const first = await jsonPost("/v1/chat/completions", agent.token, plain);
    await first.text();
    expect(first.status).toBe(200);
    const second = await jsonPost("/v1/chat/completions", agent.token, { ...plain, max_tokens: 120 });
    expect(second.status).toBe(429);
    expect((await second.json<{ error: { code: string } }>()).error.code).toBe("rate_limited");
  });
});
