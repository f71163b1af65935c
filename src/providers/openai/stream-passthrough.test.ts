import { describe, expect, it } from "vitest";
import { OPENAI_TEXT_AND_TOOL_STREAM } from "../testing/openai-stream.fixture";
import { parseWire, testCall, translateWire } from "../testing/helpers";
import { openaiPassthroughStream } from "./stream-passthrough";

const call = (agentWantsStreamUsage: boolean) => testCall({ stream: true, agentWantsStreamUsage });
const upstream = parseWire(OPENAI_TEXT_AND_TOOL_STREAM);

describe("openaiPassthroughStream", () => {
  it("forwards every chunk byte-identical when the agent asked for usage, with one [DONE] at the end", () => {
    const translator = openaiPassthroughStream(call(true));
    const out = translateWire(translator, OPENAI_TEXT_AND_TOOL_STREAM);
    expect(out).toEqual(upstream);
    expect(out.filter((e) => e.data === "[DONE]")).toHaveLength(1);
    expect(translator.finish()).toEqual([]);
  });

  it("hides the usage-only chunk when the agent did not ask, but still reads it", () => {
    const translator = openaiPassthroughStream(call(false));
    const out = translateWire(translator, OPENAI_TEXT_AND_TOOL_STREAM);
    expect(out).toEqual(upstream.filter((e) => !e.data.includes('"prompt_tokens"')));
    expect(out.at(-1)).toEqual({ data: "[DONE]" });
    expect(translator.usage()).toEqual({ input: 56, cachedInput: 64, cacheWrite: 0, output: 30, reasoning: 10 });
  });

  it("strips usage from a chunk that also carries choices (OpenAI-compatible servers)", () => {
    const translator = openaiPassthroughStream(call(false));
    const data = '{"id":"x","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1}}';
    expect(translator.push({ data })).toEqual([{ data: '{"id":"x","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop"}]}' }]);
    expect(translator.usage()).toEqual({ input: 3, cachedInput: 0, cacheWrite: 0, output: 1, reasoning: 0 });
    const shown = openaiPassthroughStream(call(true));
    expect(shown.push({ data })).toEqual([{ data }]);
  });

  it("skips and counts a data line that is not JSON, and goes on", () => {
    const translator = openaiPassthroughStream(call(true));
    const wire = OPENAI_TEXT_AND_TOOL_STREAM.replace("data: {", "data: {oops\n\ndata: {");
    const out = translateWire(translator, wire);
    expect(translator.malformedEvents()).toBe(1);
    expect(out).toEqual(upstream);
  });

  it("counts content and tool-argument characters", () => {
    const translator = openaiPassthroughStream(call(false));
    translateWire(translator, OPENAI_TEXT_AND_TOOL_STREAM);
    expect(translator.outputChars()).toBe("Checking the wéather…".length + '{"location":"Paris"}'.length);
  });

  it("sends [DONE] from finish() even when the upstream never sent one", () => {
    const translator = openaiPassthroughStream(call(false));
    expect(translator.push({ data: '{"choices":[]}' })).toEqual([{ data: '{"choices":[]}' }]);
    expect(translator.finish()).toEqual([{ data: "[DONE]" }]);
  });
});
