import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonPost } from "../helpers/gateway";
import { createTestAgent, mockBill, settled, type TestAgent } from "../helpers/fixtures";
import { openLease } from "../helpers/leases";

const SEEDS = 20;
const REQUESTS = 200;
const MODELS = ["gpt-4o-mini", "gpt-4.1", "claude-haiku-4-5"] as const;

interface Shot {
  model: (typeof MODELS)[number];
  promptWords: number;
  maxTokens: number | null;
  replyTokens: number;
  stream: boolean;
}

const shot = fc.record({
  model: fc.constantFrom(...MODELS),
  promptWords: fc.integer({ min: 1, max: 400 }),
  maxTokens: fc.option(fc.integer({ min: 1, max: 2_000 }), { nil: null }),
  replyTokens: fc.integer({ min: 1, max: 600 }),
  stream: fc.boolean(),
});

function fire(key: string, s: Shot, i: number): Promise<Response> {
  const content = `${"word ".repeat(s.promptWords)} #${i} [[mock:reply_tokens=${s.replyTokens}]]`;
  const body: Record<string, unknown> = { model: s.model, messages: [{ role: "user", content }], stream: s.stream };
  if (s.maxTokens !== null) body.max_tokens = s.maxTokens;
  return jsonPost("/v1/chat/completions", key, body);
}

async function billOf(agent: TestAgent): Promise<number> {
  return (await mockBill(agent.openaiKey)).cost_micros + (await mockBill(agent.anthropicKey)).cost_micros;
}

/** Fires the shots concurrently, drains every response, and returns the statuses. */
async function burst(key: string, shots: readonly Shot[]): Promise<number[]> {
  const responses = await Promise.all(shots.map((s, i) => fire(key, s, i)));
  await Promise.all(responses.map((r) => r.text()));
  return responses.map((r) => r.status);
}

describe("the budget holds under concurrency (PRODUCT.md §3 guarantee)", () => {
  it(`${REQUESTS} concurrent requests × ${SEEDS} seeds against a $0.05 agent: the provider's bill never exceeds it, the ledger equals it`, async () => {
    const seeds = fc.sample(fc.array(shot, { minLength: REQUESTS, maxLength: REQUESTS }), { numRuns: SEEDS, seed: 20261124 });
    for (const shots of seeds) {
      const agent = await createTestAgent({ budgetUsd: 0.05 });
      const statuses = await burst(agent.token, shots);
      expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
      // The budget was contended: some calls got through, some were refused.
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      const ledger = await settled(agent.agentId);
      const bill = await billOf(agent);
      expect(bill).toBeLessThanOrEqual(50_000);
      expect(ledger.spentMicros).toBe(bill);
      expect(ledger.spentMicros + ledger.reservedMicros + ledger.leasedOutMicros).toBeLessThanOrEqual(ledger.budgetMicros);
    }
  }, 300_000);

  it("the same through a $0.02 lease inside a $1 agent: the lease's spend never exceeds it", async () => {
    const seeds = fc.sample(fc.array(shot, { minLength: 100, maxLength: 100 }), { numRuns: 5, seed: 42 });
    for (const shots of seeds) {
      const agent = await createTestAgent({ budgetUsd: 1 });
      const lease = await openLease(agent.token, 0.02);
      const statuses = await burst(lease.lease_token, shots);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      const ledger = await settled(agent.agentId);
      const bill = await billOf(agent);
      expect(bill).toBeLessThanOrEqual(20_000);
      expect(ledger.spentMicros).toBe(bill);
      expect(ledger.remainingMicros).toBe(1_000_000 - 20_000);
    }
  }, 300_000);
});
