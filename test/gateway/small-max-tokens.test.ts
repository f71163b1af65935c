import { describe, expect, it } from "vitest";
import { createTestAgent, settled } from "../helpers/fixtures";
import { jsonPost } from "../helpers/gateway";

// The budget clamp keeps at least 16 output tokens when it has to shrink a completion; a caller that asks for
// fewer than that must get exactly what it asked for, not a `budget_exceeded` refusal.
describe("a small max_tokens", () => {
  it("is sent as asked (OpenAI and Anthropic shapes) when the budget allows", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const openai = await jsonPost("/v1/chat/completions", agent.token, { model: "gpt-4o-mini", max_tokens: 5, messages: [{ role: "user", content: "hi" }] });
    expect(openai.status).toBe(200);
    expect(openai.headers.get("x-iron-max-tokens")).toBe("5");
    expect((await openai.json<{ usage: { completion_tokens: number } }>()).usage.completion_tokens).toBeLessThanOrEqual(5);
    const anthropic = await jsonPost("/v1/messages", agent.token, { model: "claude-haiku-4-5", max_tokens: 1, messages: [{ role: "user", content: "hi" }] }, { "anthropic-version": "2023-06-01" });
    expect(anthropic.status).toBe(200);
    expect((await anthropic.json<{ usage: { output_tokens: number } }>()).usage.output_tokens).toBe(1);
    await settled(agent.agentId);
  });
});
