import { describe, expect, it } from "vitest";
import { clampToBudget, outputMicros } from "./clamp";

describe("budget clamp", () => {
  it("keeps the requested max_tokens when affordable", () => {
    const r = clampToBudget({ remainingMicros: 1_000_000, inputMicros: 100, outputMicrosPerMillion: 10_000_000, requestedMaxTokens: 50, modelMaxTokens: 16_384, minOutputTokens: 16 });
    expect(r).toEqual({ ok: true, maxTokens: 50, amountMicros: 100 + 500, clamped: false });
  });

  it("clamps to what the budget covers and never reserves more than remains", () => {
    for (let remaining = 0; remaining < 3_000; remaining += 7) {
      for (const price of [150_000, 600_000, 10_000_000, 75_000_000]) {
        const r = clampToBudget({ remainingMicros: remaining, inputMicros: 37, outputMicrosPerMillion: price, requestedMaxTokens: null, modelMaxTokens: 100_000, minOutputTokens: 16 });
        if (!r.ok) {
          expect(37 + outputMicros(16, price)).toBeGreaterThan(remaining);
          continue;
        }
        expect(r.amountMicros).toBeLessThanOrEqual(remaining);
        expect(r.maxTokens).toBeGreaterThanOrEqual(16);
        // One more token would not fit (or the model ceiling was reached).
        if (r.maxTokens < 100_000) expect(37 + outputMicros(r.maxTokens + 1, price)).toBeGreaterThan(remaining);
      }
    }
  });

  it("refuses when even a minimal answer is unaffordable, and embeddings need only their input", () => {
    expect(clampToBudget({ remainingMicros: 10, inputMicros: 11, outputMicrosPerMillion: 0, requestedMaxTokens: null, modelMaxTokens: 0, minOutputTokens: 0 }).ok).toBe(false);
    expect(clampToBudget({ remainingMicros: 11, inputMicros: 11, outputMicrosPerMillion: 0, requestedMaxTokens: null, modelMaxTokens: 0, minOutputTokens: 0 })).toEqual({ ok: true, maxTokens: 0, amountMicros: 11, clamped: false });
  });
});
