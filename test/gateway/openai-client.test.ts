import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { GATEWAY, gatewayFetch } from "../helpers/gateway";
import { createTestAgent, mockBill, mockRequests, settled } from "../helpers/fixtures";

function client(apiKey: string, onCall?: () => void): OpenAI {
  return new OpenAI({
    apiKey,
    baseURL: `${GATEWAY}/v1`,
    fetch: (input, init) => {
      onCall?.();
      return gatewayFetch(input, init);
    },
  });
}

const weatherTool = {
  type: "function" as const,
  function: { name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { q: { type: "string" } }, required: ["q"] } },
};

describe("the official openai npm client works unchanged against the gateway", () => {
  it("chat completion, charged exactly what the provider billed", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const completion = await client(agent.token).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Say hello" }] });
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBe(12);
    const ledger = await settled(agent.agentId);
    const bill = await mockBill(agent.openaiKey);
    expect(bill.requests).toBe(1);
    expect(ledger.spentMicros).toBe(bill.cost_micros);
    expect(ledger.spentMicros).toBeGreaterThan(0);
  });

  it("streaming: content arrives in chunks, usage is hidden unless asked for, and recorded either way", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const stream = await client(agent.token).chat.completions.create({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "Count [[mock:reply_tokens=20]]" }] });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.some((c) => c.usage !== undefined && c.usage !== null)).toBe(false);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text.trim().split(/\s+/)).toHaveLength(20);
    // Upstream was asked for usage even though the agent was not.
    const sent = await mockRequests(agent.openaiKey);
    expect(sent[0]?.body.stream_options).toEqual({ include_usage: true });
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe((await mockBill(agent.openaiKey)).cost_micros);

    const withUsage = await client(agent.token).chat.completions.create({ model: "gpt-4o-mini", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "Count" }] });
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of withUsage) usage = chunk.usage ?? usage;
    expect(usage?.completion_tokens).toBe(12);
  });

  it("tool calls, streaming and not", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const openai = client(agent.token);
    const completion = await openai.chat.completions.create({ model: "gpt-4o", tools: [weatherTool], messages: [{ role: "user", content: "Weather in Paris? [[mock:tool=get_weather]]" }] });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(completion.choices[0]?.finish_reason).toBe("tool_calls");
    expect(call?.type === "function" ? call.function.name : null).toBe("get_weather");
    const runner = openai.chat.completions.stream({ model: "gpt-4o", tools: [weatherTool], messages: [{ role: "user", content: "Weather? [[mock:tool=get_weather]]" }] });
    const final = await runner.finalChatCompletion();
    const streamed = final.choices[0]?.message.tool_calls?.[0];
    expect(streamed?.type === "function" ? JSON.parse(streamed.function.arguments) : null).toEqual({ q: "mock" });
  });

  it("a Claude model through the OpenAI shape is translated both ways, streaming and tools included", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const openai = client(agent.token);
    const completion = await openai.chat.completions.create({ model: "claude-haiku-4-5", max_completion_tokens: 100, messages: [{ role: "system", content: "Be brief" }, { role: "user", content: "Hello" }] });
    expect(completion.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBe(12);
    const received = await mockRequests(agent.anthropicKey);
    expect(received[0]?.body.system).toBeDefined();
    expect(received[0]?.body.max_tokens).toBe(100);

    const runner = openai.chat.completions.stream({ model: "claude-haiku-4-5", tools: [weatherTool], messages: [{ role: "user", content: "Weather? [[mock:tool=get_weather]]" }] });
    const final = await runner.finalChatCompletion();
    const streamed = final.choices[0]?.message.tool_calls?.[0];
    expect(streamed?.type === "function" ? streamed.function.name : null).toBe("get_weather");
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe((await mockBill(agent.anthropicKey)).cost_micros);
  });

  it("embeddings and model listing", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const openai = client(agent.token);
    const embedded = await openai.embeddings.create({ model: "text-embedding-3-small", input: ["hello world", "bye"] });
    expect(embedded.data).toHaveLength(2);
    const models = await openai.models.list();
    const ids = models.data.map((m) => m.id);
    expect(ids).toContain("gpt-4o-mini");
    expect(ids).toContain("claude-haiku-4-5");
    const ledger = await settled(agent.agentId);
    expect(ledger.spentMicros).toBe((await mockBill(agent.openaiKey)).cost_micros);
  });

  it("a budget refusal is surfaced by the SDK without retrying", async () => {
    const agent = await createTestAgent({ budgetUsd: 0.000005 });
    let calls = 0;
    const openai = client(agent.token, () => { calls++; });
    const error = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).code).toBe("budget_exceeded");
    expect(calls).toBe(1);
    const bad = await client("ic_nope").chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.AuthenticationError);
  });
});
