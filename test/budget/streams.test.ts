import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { updateAgentState } from "../../src/services/agents/update-agent-state";
import { jsonPost } from "../helpers/gateway";
import { createTestAgent, mockBill, settled } from "../helpers/fixtures";

const streamBody = (content: string, extra: Record<string, unknown> = {}) => ({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content }], ...extra });

async function readOneChunkThenHangUp(res: Response): Promise<void> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  await reader.read();
  await reader.cancel();
}

describe("streams and disconnects", () => {
  it("drain (default): a client that disconnects mid-stream is charged what the provider billed", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, streamBody("go [[mock:reply_tokens=200]] [[mock:pace_ms=5]]"));
    await readOneChunkThenHangUp(res);
    const ledger = await settled(agent.agentId);
    const bill = await mockBill(agent.openaiKey);
    expect(bill.output_tokens).toBe(200);
    expect(ledger.spentMicros).toBe(bill.cost_micros);
  });

  it("bill_reservation: a disconnect charges the whole reservation", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    await updateAgentState(env, agent.agentId, { disconnectPolicy: "bill_reservation" });
    const res = await jsonPost("/v1/chat/completions", agent.token, streamBody("go [[mock:reply_tokens=200]] [[mock:pace_ms=5]]", { max_tokens: 300 }));
    const reserved = Math.round(Number(res.headers.get("x-iron-reserved-usd")) * 1e6);
    await readOneChunkThenHangUp(res);
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe(reserved);
    expect(ledger.spentMicros).toBeGreaterThanOrEqual((await mockBill(agent.openaiKey)).cost_micros);
  });

  it("missing usage frame and a truncated stream are charged the reservation: never under the provider's bill", async () => {
    for (const fault of ["missing_usage", "disconnect"]) {
      const agent = await createTestAgent({ budgetUsd: 1 });
      const res = await jsonPost("/v1/chat/completions", agent.token, streamBody(`go [[mock:fault=${fault}]] [[mock:reply_tokens=50]]`, { max_tokens: 100 }));
      const reserved = Math.round(Number(res.headers.get("x-iron-reserved-usd")) * 1e6);
      await res.text();
      const ledger = await settled(agent.agentId);
      expect(ledger.spentMicros, fault).toBe(reserved);
      expect(ledger.spentMicros, fault).toBeGreaterThanOrEqual((await mockBill(agent.openaiKey)).cost_micros);
    }
  });

  it("a provider ignoring max_tokens is cut off for the agent at the bound and charged what it billed (the injected overrun)", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, streamBody("go [[mock:fault=ignore_max_tokens]] [[mock:reply_tokens=400]]", { max_tokens: 40 }));
    const text = await res.text();
    const forwarded = (text.match(/"content":" /g) ?? []).length;
    expect(forwarded).toBeLessThanOrEqual(40 + 16);
    expect(text).toContain("exceeded max_tokens");
    const reserved = Math.round(Number(res.headers.get("x-iron-reserved-usd")) * 1e6);
    const ledger = await settled(agent.agentId);
    const bill = await mockBill(agent.openaiKey);
    expect(ledger.spentMicros).toBe(bill.cost_micros);
    // Over the reservation by exactly what the provider overproduced, and recorded as overrun.
    expect(ledger.overrunMicros).toBe(bill.cost_micros - reserved);
    expect(ledger.overrunMicros).toBeGreaterThan(0);
  });

  it("non-streaming overproduction is charged in full and recorded", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: "go [[mock:fault=ignore_max_tokens]] [[mock:reply_tokens=300]]" }] });
    await res.text();
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe((await mockBill(agent.openaiKey)).cost_micros);
    expect(ledger.overrunMicros).toBeGreaterThan(0);
  });
});
