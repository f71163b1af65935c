import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { ANTHROPIC_ERROR_STREAM, ANTHROPIC_TEXT_AND_TOOL_STREAM } from "../testing/anthropic-stream.fixture";
import { payloads, sseFetch, testCall, toWire, translateWire } from "../testing/helpers";
import { anthropicToOpenAIStream } from "./stream-to-openai";

const call = (agentWantsStreamUsage: boolean) =>
  testCall({ inbound: "openai", model: "claude-sonnet-4-5", stream: true, agentWantsStreamUsage, baseUrl: "https://api.anthropic.com" });

async function sdkAccumulate(wire: string) {
  const client = new OpenAI({ apiKey: "agent-token", baseURL: "https://gateway.test/v1", fetch: sseFetch(wire), maxRetries: 0 });
  const stream = client.chat.completions.stream({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: "weather?" }] });
  return stream.finalChatCompletion();
}

describe("anthropicToOpenAIStream", () => {
  it.each([true, false])("produces chunks the openai SDK accumulates into text plus one tool call (include_usage %s)", async (wants) => {
    const translator = anthropicToOpenAIStream(call(wants));
    const events = translateWire(translator, ANTHROPIC_TEXT_AND_TOOL_STREAM);
    const completion = await sdkAccumulate(toWire(events));
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message.content).toBe("Okay, let's check the weather ☀️.");
    expect(choice?.message.tool_calls).toEqual([
      {
        id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
        type: "function",
        function: { name: "get_weather", arguments: '{"location": "San Francisco, CA", "unit": "celsius"}' },
      },
    ]);
    if (wants) expect(completion.usage).toMatchObject({ prompt_tokens: 592, completion_tokens: 89, prompt_tokens_details: { cached_tokens: 100 } });
    else expect(completion.usage).toBeUndefined();
  });

  it("sends the role first, the tool identity before its arguments, and [DONE] last", () => {
    const out = payloads(translateWire(anthropicToOpenAIStream(call(false)), ANTHROPIC_TEXT_AND_TOOL_STREAM));
    expect(out[0]).toMatchObject({ object: "chat.completion.chunk", id: "msg_01XFDUDYJgAACzvnptvVoYEL", choices: [{ delta: { role: "assistant" } }] });
    const toolDeltas = out.flatMap((p) => {
      const calls = (p as { choices?: { delta?: { tool_calls?: unknown[] } }[] }).choices?.[0]?.delta?.tool_calls;
      return calls ?? [];
    });
    expect(toolDeltas[0]).toEqual({ index: 0, id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6", type: "function", function: { name: "get_weather", arguments: "" } });
    expect(toolDeltas.slice(1)).toEqual([
      { index: 0, function: { arguments: '{"location": "San Fra' } },
      { index: 0, function: { arguments: 'ncisco, CA", "unit": "celsius"}' } },
    ]);
    expect(out.at(-1)).toBe("[DONE]");
    expect(out.filter((p) => p === "[DONE]")).toHaveLength(1);
  });

  it("sends the usage chunk only when the agent asked for it", () => {
    const hidden = payloads(translateWire(anthropicToOpenAIStream(call(false)), ANTHROPIC_TEXT_AND_TOOL_STREAM));
    expect(hidden.some((p) => typeof p === "object" && p !== null && "usage" in p)).toBe(false);
    const shown = payloads(translateWire(anthropicToOpenAIStream(call(true)), ANTHROPIC_TEXT_AND_TOOL_STREAM));
    const usageChunks = shown.filter((p) => (p as { usage?: unknown }).usage != null);
    expect(usageChunks).toEqual([
      expect.objectContaining({
        choices: [],
        usage: expect.objectContaining({ prompt_tokens: 592, completion_tokens: 89, total_tokens: 681 }) as unknown,
      }),
    ]);
    expect(shown.at(-2)).toBe(usageChunks[0]);
  });

  it("reports usage (input at message_start, output replaced by message_delta) and output characters", () => {
    const translator = anthropicToOpenAIStream(call(false));
    const events = ANTHROPIC_TEXT_AND_TOOL_STREAM;
    translateWire(translator, events);
    expect(translator.usage()).toEqual({ input: 472, cachedInput: 100, cacheWrite: 20, output: 89, reasoning: 0 });
    const text = "Okay, let's check the weather ☀️.";
    const args = '{"location": "San Francisco, CA", "unit": "celsius"}';
    expect(translator.outputChars()).toBe(text.length + args.length);
  });

  it("turns a mid-stream Anthropic error into an OpenAI error event and sends no [DONE]", async () => {
    const translator = anthropicToOpenAIStream(call(false));
    const events = translateWire(translator, ANTHROPIC_ERROR_STREAM);
    expect(payloads(events).at(-1)).toEqual({ error: { message: "Overloaded", type: "overloaded_error", param: null, code: null } });
    expect(events.some((e) => e.data === "[DONE]")).toBe(false);
    await expect(sdkAccumulate(toWire(events))).rejects.toThrow(/Overloaded/);
  });

  it("skips and counts events that are not JSON", () => {
    const translator = anthropicToOpenAIStream(call(false));
    expect(translator.push({ event: "content_block_delta", data: "{not json" })).toEqual([]);
    expect(translator.malformedEvents()).toBe(1);
  });
});
