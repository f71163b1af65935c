import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { GATEWAY, gatewayFetch } from "../helpers/gateway";
import { createTestAgent, mockBill, settled } from "../helpers/fixtures";

function client(apiKey: string, onCall?: () => void): Anthropic {
  return new Anthropic({
    apiKey,
    baseURL: GATEWAY,
    fetch: (input, init) => {
      onCall?.();
      return gatewayFetch(input, init);
    },
  });
}

const weatherTool = { name: "get_weather", description: "Weather", input_schema: { type: "object" as const, properties: { q: { type: "string" } } } };

describe("the official @anthropic-ai/sdk works unchanged against the gateway", () => {
  it("messages, charged exactly what the provider billed", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const message = await client(agent.token).messages.create({ model: "claude-sonnet-4-5", max_tokens: 64, system: "Be brief", messages: [{ role: "user", content: "Hello" }] });
    expect(message.type).toBe("message");
    expect(message.content[0]?.type).toBe("text");
    expect(message.usage.output_tokens).toBe(12);
    const ledger = await settled(agent.agentId);
    const bill = await mockBill(agent.anthropicKey);
    expect(bill.requests).toBe(1);
    expect(ledger.spentMicros).toBe(bill.cost_micros);
  });

  it("streaming with tools", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const stream = client(agent.token).messages.stream({ model: "claude-haiku-4-5", max_tokens: 200, tools: [weatherTool], messages: [{ role: "user", content: "Weather? [[mock:tool=get_weather]]" }] });
    const final = await stream.finalMessage();
    const toolUse = final.content.find((block) => block.type === "tool_use");
    expect(toolUse?.type === "tool_use" ? toolUse.name : null).toBe("get_weather");
    expect(final.stop_reason).toBe("tool_use");
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe((await mockBill(agent.anthropicKey)).cost_micros);
  });

  it("an OpenAI model through the Anthropic shape", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const message = await client(agent.token).messages.create({ model: "gpt-4o-mini", max_tokens: 50, messages: [{ role: "user", content: "Hello" }] });
    expect(message.content[0]?.type).toBe("text");
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe((await mockBill(agent.openaiKey)).cost_micros);
  });

  it("a budget refusal is surfaced without retrying", async () => {
    const agent = await createTestAgent({ budgetUsd: 0.000005 });
    let calls = 0;
    const error = await client(agent.token, () => { calls++; })
      .messages.create({ model: "claude-opus-4-1", max_tokens: 1000, messages: [{ role: "user", content: "hi" }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(calls).toBe(1);
    const bad = await client("ic_nope").messages.create({ model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(Anthropic.AuthenticationError);
  });
});
