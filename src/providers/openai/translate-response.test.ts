import { describe, expect, it } from "vitest";
import { testCall } from "../testing/helpers";
import { translateOpenAIResponse } from "./translate-response";

const completion = {
  id: "chatcmpl-123",
  object: "chat.completion",
  created: 1727000000,
  model: "gpt-4o-2024-08-06",
  choices: [
    {
      index: 0,
      message: {
        role: "assistant",
        content: "Let me look.",
        refusal: null,
        tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
      },
      logprobs: null,
      finish_reason: "tool_calls",
    },
  ],
  usage: {
    prompt_tokens: 100,
    completion_tokens: 30,
    total_tokens: 130,
    prompt_tokens_details: { cached_tokens: 40 },
    completion_tokens_details: { reasoning_tokens: 12 },
  },
};

describe("translateOpenAIResponse", () => {
  it("passes the body through untouched for OpenAI-shaped agents and reads usage", () => {
    const result = translateOpenAIResponse(completion, testCall());
    expect(result.body).toBe(completion);
    expect(result.usage).toEqual({ input: 60, cachedInput: 40, cacheWrite: 0, output: 18, reasoning: 12 });
  });

  it("translates to an Anthropic message with tool_use for Anthropic-shaped agents", () => {
    const result = translateOpenAIResponse(completion, testCall({ inbound: "anthropic", model: "gpt-4o" }));
    expect(result.body).toEqual({
      id: "chatcmpl-123",
      type: "message",
      role: "assistant",
      model: "gpt-4o-2024-08-06",
      content: [
        { type: "text", text: "Let me look." },
        { type: "tool_use", id: "call_1", name: "get_weather", input: { city: "Paris" } },
      ],
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: { input_tokens: 60, output_tokens: 30, cache_creation_input_tokens: 0, cache_read_input_tokens: 40 },
    });
  });

  it("maps finish reasons and tolerates unparsable tool arguments", () => {
    const withReason = (finish_reason: string, args = "{}") => ({
      choices: [{ message: { content: null, tool_calls: [{ id: "c", function: { name: "f", arguments: args } }] }, finish_reason }],
    });
    const stop = (reason: string) => (translateOpenAIResponse(withReason(reason), testCall({ inbound: "anthropic" })).body as { stop_reason: string }).stop_reason;
    expect([stop("stop"), stop("length"), stop("tool_calls"), stop("content_filter")]).toEqual(["end_turn", "max_tokens", "tool_use", "refusal"]);
    const broken = translateOpenAIResponse(withReason("tool_calls", "{not json"), testCall({ inbound: "anthropic" }));
    expect(broken.body).toMatchObject({ content: [{ type: "tool_use", input: {} }] });
    expect(broken.usage).toBeNull();
  });

  it("reads embeddings usage", () => {
    const embedding = { object: "list", data: [], model: "text-embedding-3-small", usage: { prompt_tokens: 8, total_tokens: 8 } };
    const result = translateOpenAIResponse(embedding, testCall({ endpoint: "embeddings", maxTokens: null }));
    expect(result.usage).toEqual({ input: 8, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 });
  });
});
