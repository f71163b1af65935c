import { describe, expect, it } from "vitest";
import { countTokens, utf8Length } from "./count-tokens";

describe("countTokens", () => {
  it("matches known o200k and cl100k counts", () => {
    expect(countTokens("hello world", "o200k_base")).toBe(2);
    expect(countTokens("hello world", "cl100k_base")).toBe(2);
    expect(countTokens("", "o200k_base")).toBe(0);
  });
  it("never exceeds the UTF-8 byte bound", () => {
    for (const text of ["héllo wörld", "日本語のテキスト", "🙂🙃 emoji", "a".repeat(1000)]) {
      expect(countTokens(text, "o200k_base")).toBeLessThanOrEqual(utf8Length(text));
    }
  });
});
