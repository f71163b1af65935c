import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { OPENAI_TEXT_AND_TOOL_STREAM } from "../testing/openai-stream.fixture";
import { payloads, sseFetch, testCall, toWire, translateWire } from "../testing/helpers";
import { openaiToAnthropicStream } from "./stream-to-anthropic";

const call = testCall({ inbound: "anthropic", model: "gpt-4o", stream: true });

async function sdkFinalMessage(wire: string) {
  const client = new Anthropic({ apiKey: "agent-token", baseURL: "https://gateway.test", fetch: sseFetch(wire), maxRetries: 0 });
  return client.messages.stream({ model: "gpt-4o", max_tokens: 100, messages: [{ role: "user", content: "weather?" }] }).finalMessage();
}

describe("openaiToAnthropicStream", () => {
  it("produces events the Anthropic SDK accumulates into text plus a tool_use", async () => {
    const translator = openaiToAnthropicStream(call);
    const message = await sdkFinalMessage(toWire(translateWire(translator, OPENAI_TEXT_AND_TOOL_STREAM)));
    expect(message.content).toEqual([
      { type: "text", text: "Checking the wéather…" },
      { type: "tool_use", id: "call_abc", name: "get_weather", input: { location: "Paris" } },
    ]);
    expect(message.stop_reason).toBe("tool_use");
    expect(message.usage).toMatchObject({ input_tokens: 56, output_tokens: 40, cache_read_input_tokens: 64 });
  });

  it("emits the Anthropic event sequence with named events and no [DONE]", () => {
    const events = translateWire(openaiToAnthropicStream(call), OPENAI_TEXT_AND_TOOL_STREAM);
    expect(events.map((e) => e.event)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(payloads(events)[6]).toEqual({
      type: "content_block_delta",
      index: 1,
      delta: { type: "input_json_delta", partial_json: '{"location":' },
    });
  });

  it("reads usage and counts output characters", () => {
    const translator = openaiToAnthropicStream(call);
    translateWire(translator, OPENAI_TEXT_AND_TOOL_STREAM);
    expect(translator.usage()).toEqual({ input: 56, cachedInput: 64, cacheWrite: 0, output: 30, reasoning: 10 });
    expect(translator.outputChars()).toBe("Checking the wéather…".length + '{"location":"Paris"}'.length);
    expect(translator.finish()).toEqual([]);
  });

  it("closes the message in finish() when the upstream ends without [DONE], and skips malformed lines", () => {
    const translator = openaiToAnthropicStream(call);
    const wire = OPENAI_TEXT_AND_TOOL_STREAM.replace("data: [DONE]\n\n", "").replace("data: {", "data: garbage\n\ndata: {");
    const events = translateWire(translator, wire);
    expect(translator.malformedEvents()).toBe(1);
    expect(events.at(-1)?.event).toBe("message_stop");
    expect(events.filter((e) => e.event === "message_stop")).toHaveLength(1);
  });

  it("turns an upstream error chunk into an Anthropic error event", () => {
    const translator = openaiToAnthropicStream(call);
    const out = translator.push({ data: '{"error":{"message":"bad key sk-live-abcdef123456","type":"server_error"}}' });
    expect(out).toEqual([{ event: "error", data: '{"type":"error","error":{"type":"server_error","message":"bad key sk-[redacted]"}}' }]);
    expect(translator.finish()).toEqual([]);
  });
});
