import { describe, expect, it } from "vitest";
import { testCall } from "../testing/helpers";
import { translateAnthropicResponse } from "./translate-response";

const message = {
  id: "msg_01",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-5-20250929",
  content: [
    { type: "thinking", thinking: "hmm", signature: "sig" },
    { type: "text", text: "Let me check." },
    { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
  ],
  stop_reason: "tool_use",
  stop_sequence: null,
  usage: { input_tokens: 50, output_tokens: 20, cache_creation_input_tokens: 10, cache_read_input_tokens: 30 },
};

describe("translateAnthropicResponse", () => {
  it("passes the body through untouched for Anthropic-shaped agents and reads usage", () => {
    const result = translateAnthropicResponse(message, testCall({ inbound: "anthropic" }));
    expect(result.body).toBe(message);
    expect(result.usage).toEqual({ input: 50, cachedInput: 30, cacheWrite: 10, output: 20, reasoning: 0 });
  });

  it("translates to a chat.completion with tool_calls for OpenAI-shaped agents", () => {
    const result = translateAnthropicResponse(message, testCall({ model: "claude-sonnet-4-5" }));
    expect(result.body).toEqual({
      id: "msg_01",
      object: "chat.completion",
      created: expect.any(Number) as unknown,
      model: "claude-sonnet-4-5-20250929",
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: "Let me check.",
            refusal: null,
            tool_calls: [{ id: "toolu_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
          },
          logprobs: null,
          finish_reason: "tool_calls",
        },
      ],
      usage: {
        prompt_tokens: 90,
        completion_tokens: 20,
        total_tokens: 110,
        prompt_tokens_details: { cached_tokens: 30 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    });
  });

  it("maps stop reasons", () => {
    const finish = (stop_reason: string) =>
      (translateAnthropicResponse({ ...message, stop_reason }, testCall()).body as { choices: { finish_reason: string }[] }).choices[0]?.finish_reason;
    expect(["end_turn", "stop_sequence", "max_tokens", "tool_use", "refusal"].map(finish)).toEqual(["stop", "stop", "length", "tool_calls", "content_filter"]);
  });

  it("reports no usage when the body has none", () => {
    expect(translateAnthropicResponse({ content: [] }, testCall()).usage).toBeNull();
  });
});
