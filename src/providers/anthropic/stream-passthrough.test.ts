import { describe, expect, it } from "vitest";
import { ANTHROPIC_TEXT_AND_TOOL_STREAM } from "../testing/anthropic-stream.fixture";
import { parseWire, translateWire } from "../testing/helpers";
import { anthropicPassthroughStream } from "./stream-passthrough";

describe("anthropicPassthroughStream", () => {
  it("forwards every event unchanged and adds nothing at the end", () => {
    const translator = anthropicPassthroughStream();
    expect(translateWire(translator, ANTHROPIC_TEXT_AND_TOOL_STREAM)).toEqual(parseWire(ANTHROPIC_TEXT_AND_TOOL_STREAM));
  });

  it("reads input usage from message_start and replaces output from message_delta", () => {
    const translator = anthropicPassthroughStream();
    const events = parseWire(ANTHROPIC_TEXT_AND_TOOL_STREAM);
    expect(translator.usage()).toBeNull();
    for (const event of events.slice(0, 1)) translator.push(event);
    expect(translator.usage()).toEqual({ input: 472, cachedInput: 100, cacheWrite: 20, output: 2, reasoning: 0 });
    for (const event of events.slice(1)) translator.push(event);
    expect(translator.usage()).toEqual({ input: 472, cachedInput: 100, cacheWrite: 20, output: 89, reasoning: 0 });
    translator.push({ event: "message_delta", data: '{"type":"message_delta","delta":{},"usage":{"output_tokens":95,"input_tokens":480}}' });
    expect(translator.usage()).toEqual({ input: 480, cachedInput: 100, cacheWrite: 20, output: 95, reasoning: 0 });
  });

  it("counts text, tool input and thinking characters; skips malformed events", () => {
    const translator = anthropicPassthroughStream();
    translateWire(translator, ANTHROPIC_TEXT_AND_TOOL_STREAM);
    const expected = "Okay, let's check the weather ☀️.".length + '{"location": "San Francisco, CA", "unit": "celsius"}'.length;
    expect(translator.outputChars()).toBe(expected);
    translator.push({ event: "content_block_delta", data: '{"type":"content_block_delta","index":2,"delta":{"type":"thinking_delta","thinking":"abc"}}' });
    expect(translator.outputChars()).toBe(expected + 3);
    expect(translator.push({ event: "content_block_delta", data: "nope" })).toEqual([]);
    expect(translator.malformedEvents()).toBe(1);
  });
});
