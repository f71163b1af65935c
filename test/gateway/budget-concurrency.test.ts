import { describe, expect, it } from "vitest";
import { costMicros } from "../../src/pricing/cost";
import { lookupPrice } from "../../src/pricing/lookup";
import { jsonPost } from "../helpers/gateway";
import { createTestAgent, mockBill, settled } from "../helpers/fixtures";

describe("hard budget under concurrency", () => {
  it("a $0.01 agent firing 50 concurrent requests: the provider's bill never exceeds $0.01 and the ledger equals it", async () => {
    const agent = await createTestAgent({ budgetUsd: 0.01 });
    // gpt-4.1: $2/M in, $8/M out. 50 requests with max_tokens 400 would cost ~$0.16 uncapped.
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        jsonPost("/v1/chat/completions", agent.token, {
          model: "gpt-4.1",
          max_tokens: 400,
          messages: [{ role: "user", content: `request ${i} [[mock:reply_tokens=300]]` }],
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    await Promise.all(responses.map((r) => r.text()));
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);

    const ledger = await settled(agent.agentId);
    const bill = await mockBill(agent.openaiKey);
    expect(bill.cost_micros).toBeLessThanOrEqual(10_000);
    expect(ledger.spentMicros).toBe(bill.cost_micros);
    expect(ledger.spentMicros + ledger.reservedMicros).toBeLessThanOrEqual(ledger.budgetMicros);
    // The mock's bill is recomputable from its own token counts with the published prices.
    const price = lookupPrice("gpt-4.1");
    if (price === null) throw new Error("unpriced");
    const recomputed = bill.entries.reduce((sum, e) => sum + costMicros({ input: e.input_tokens, cachedInput: 0, cacheWrite: 0, output: e.output_tokens, reasoning: 0 }, price), 0);
    expect(recomputed).toBe(bill.cost_micros);
  });

  it("refusals carry budget headers and do not invite retries", async () => {
    const agent = await createTestAgent({ budgetUsd: 0.000001 });
    const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o", messages: [{ role: "user", content: "hello" }] });
    expect(res.status).toBe(429);
    expect(res.headers.get("x-should-retry")).toBe("false");
    expect(res.headers.get("x-iron-budget-remaining-usd")).toBe("0.000001");
    const body = await res.json<{ error: { code: string; type: string; message: string } }>();
    expect(body.error.code).toBe("budget_exceeded");
    expect(body.error.message).toMatch(/budget request|raise the budget/);
    expect((await mockBill(agent.openaiKey)).requests).toBe(0);
  });

  it("max_tokens is clamped to what the remaining budget covers", async () => {
    const agent = await createTestAgent({ budgetUsd: 0.001 });
    // gpt-4o output: $10/M → $0.001 buys < 100 completion tokens.
    const res = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o", messages: [{ role: "user", content: "hi [[mock:reply_tokens=500]]" }] });
    expect(res.status).toBe(200);
    const maxTokens = Number(res.headers.get("x-iron-max-tokens"));
    expect(res.headers.get("x-iron-max-tokens-clamped")).toBe("true");
    expect(maxTokens).toBeGreaterThanOrEqual(16);
    expect(maxTokens).toBeLessThan(100);
    const body = await res.json<{ usage: { completion_tokens: number }; choices: { finish_reason: string }[] }>();
    expect(body.usage.completion_tokens).toBe(maxTokens);
    expect(body.choices[0]?.finish_reason).toBe("length");
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe((await mockBill(agent.openaiKey)).cost_micros);
    expect(ledger.spentMicros).toBeLessThanOrEqual(1_000);
  });
});
