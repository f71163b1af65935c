import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { bill, MOCK, newKey } from "./helpers";

// The official clients, pointed at the mock with only a base URL and a key, parse everything it sends.
describe("official SDK clients against the mock", () => {
  it("openai: non-stream, stream with usage, tool-call stream helper, embeddings, 429", async () => {
    const key = newKey();
    const client = new OpenAI({ apiKey: key, baseURL: `${MOCK}/v1`, maxRetries: 0 });
    const reply = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });
    expect(reply.usage?.completion_tokens).toBe(12);
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "hi [[mock:reply_tokens=4]]" }],
    });
    let text = "";
    let completionTokens = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      completionTokens = chunk.usage?.completion_tokens ?? completionTokens;
    }
    expect(text).toBe(" the quick brown fox");
    expect(completionTokens).toBe(4);
    const tools: OpenAI.ChatCompletionTool[] = [{ type: "function", function: { name: "lookup", parameters: { type: "object" } } }];
    const runner = client.chat.completions.stream({ model: "gpt-4o-mini", messages: [{ role: "user", content: "go" }], tools, tool_choice: "required" });
    const final = await runner.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === "function" ? call.function : null).toEqual({ name: "lookup", arguments: '{"q":"mock"}' });
    const embedding = await client.embeddings.create({ model: "text-embedding-3-small", input: "hello", dimensions: 16 });
    expect(embedding.data[0]?.embedding).toHaveLength(16);
    await expect(client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "[[mock:fault=rate_limit]]" }] })).rejects.toMatchObject({
      status: 429,
    });
    expect((await bill(key)).requests).toBe(4);
  });

  it("anthropic: non-stream, streamed tool_use, usage", async () => {
    const key = newKey();
    const client = new Anthropic({ apiKey: key, baseURL: MOCK, maxRetries: 0 });
    const reply = await client.messages.create({ model: "claude-haiku-4-5", max_tokens: 50, messages: [{ role: "user", content: "hi" }] });
    expect(reply.usage.output_tokens).toBe(12);
    expect(reply.content[0]?.type).toBe("text");
    const stream = client.messages.stream({ model: "claude-haiku-4-5", max_tokens: 50, messages: [{ role: "user", content: "[[mock:tool=lookup]]" }] });
    const final = await stream.finalMessage();
    expect(final.content).toMatchObject([{ type: "tool_use", name: "lookup", input: { q: "mock" } }]);
    expect(final.stop_reason).toBe("tool_use");
    expect(final.usage.output_tokens).toBe((await bill(key)).entries[1]?.output_tokens);
  });
});
