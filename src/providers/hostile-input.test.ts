import { describe, expect, it } from "vitest";
import { ProviderRequestError } from "./errors";
import { adapterFor } from "./registry";
import { testCall } from "./testing/helpers";
import type { ApiShape, UpstreamCall } from "./types";

const WEIRD: unknown[] = [null, 0, -1, 1e308, "", "x", true, [], [null], {}, { type: 5 }, [{}], { index: "0" }, { text: null }];

function* shapes(): Generator {
  yield* WEIRD;
  for (const v of WEIRD) {
    yield { type: "message_start", message: v, usage: v, index: v };
    yield { type: "content_block_start", index: v, content_block: { type: "tool_use", id: v, name: v } };
    yield { type: "content_block_delta", index: v, delta: { type: "input_json_delta", partial_json: v } };
    yield { type: "message_delta", delta: { stop_reason: v }, usage: { output_tokens: v, input_tokens: v } };
    yield { type: "error", error: v };
    yield { choices: v, usage: v, error: v };
    yield { choices: [{ index: 0, delta: { content: v, tool_calls: [v, { index: v, function: v }] }, finish_reason: v }], usage: { prompt_tokens: v, prompt_tokens_details: v } };
    yield { content: v, stop_reason: v, usage: v, choices: [{ message: { content: v, tool_calls: v } }] };
  }
}

const combos: { vendor: "openai" | "anthropic"; inbound: ApiShape }[] = [
  { vendor: "openai", inbound: "openai" },
  { vendor: "openai", inbound: "anthropic" },
  { vendor: "anthropic", inbound: "openai" },
  { vendor: "anthropic", inbound: "anthropic" },
];

describe("hostile input", () => {
  it("never makes a stream translator or response translation throw", () => {
    for (const { vendor, inbound } of combos) {
      const adapter = adapterFor(vendor);
      for (const wants of [true, false]) {
        const call = testCall({ inbound, stream: true, agentWantsStreamUsage: wants });
        const translator = adapter.streamTranslator(call);
        for (const shape of shapes()) {
          expect(() => translator.push({ data: JSON.stringify(shape) })).not.toThrow();
          expect(() => adapter.translateResponse(shape, call)).not.toThrow();
        }
        expect(() => translator.push({ data: "\u0000garbage" })).not.toThrow();
        expect(() => translator.finish()).not.toThrow();
        expect(() => [translator.usage(), translator.outputChars()]).not.toThrow();
      }
    }
  });

  it("lets buildRequest throw nothing but ProviderRequestError", () => {
    for (const { vendor, inbound } of combos) {
      for (const shape of shapes()) {
        const bodies = [{ messages: shape }, { messages: [shape] }, { messages: [{ role: "user", content: shape }] }, { messages: [{ role: "assistant", content: [shape], tool_calls: [shape] }] }, { messages: [], tools: [shape], tool_choice: shape, stop: shape, system: shape }];
        for (const body of bodies) {
          const call: UpstreamCall = testCall({ inbound, body });
          try {
            adapterFor(vendor).buildRequest(call);
          } catch (e) {
            expect(e).toBeInstanceOf(ProviderRequestError);
          }
        }
      }
    }
  });
});
