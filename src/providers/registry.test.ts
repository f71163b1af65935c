import { describe, expect, it } from "vitest";
import { anthropicAdapter } from "./anthropic/adapter";
import { openaiAdapter } from "./openai/adapter";
import { adapterFor } from "./registry";
import { testCall } from "./testing/helpers";

describe("adapterFor", () => {
  it("returns the adapter of each vendor", () => {
    expect(adapterFor("openai")).toBe(openaiAdapter);
    expect(adapterFor("anthropic")).toBe(anthropicAdapter);
    expect(adapterFor("openai").vendor).toBe("openai");
    expect(adapterFor("anthropic").vendor).toBe("anthropic");
  });

  it("picks a pass-through or translating stream by inbound shape", () => {
    const same = openaiAdapter.streamTranslator(testCall({ stream: true }));
    expect(same.push({ data: '{"choices":[]}' })).toEqual([{ data: '{"choices":[]}' }]);
    const cross = anthropicAdapter.streamTranslator(testCall({ stream: true }));
    expect(cross.finish().at(-1)).toEqual({ data: "[DONE]" });
  });
});
