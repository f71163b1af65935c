import { describe, expect, it } from "vitest";
import { countTokens } from "../../src/tokenizer/count-tokens";
import { DEFAULT_DIRECTIVES, parseDirectives } from "../src/directives";
import { TOOL_ARGUMENT_FRAGMENTS, TOOL_ARGUMENTS, WORDS, replyWords } from "../src/words";

describe("reply vocabulary", () => {
  it("has words of exactly one token in o200k_base and cl100k_base", () => {
    for (const word of WORDS) {
      expect(countTokens(word, "o200k_base"), word).toBe(1);
      expect(countTokens(word, "cl100k_base"), word).toBe(1);
    }
  });

  it("makes replies whose token count is their word count, across vocabulary wrap-around", () => {
    for (const n of [1, 12, WORDS.length + 5, 100]) {
      const text = replyWords(n).join("");
      expect(countTokens(text, "o200k_base")).toBe(n);
      expect(countTokens(text, "cl100k_base")).toBe(n);
    }
  });

  it("streams tool arguments one token per fragment", () => {
    expect(TOOL_ARGUMENT_FRAGMENTS.join("")).toBe(TOOL_ARGUMENTS);
    for (const fragment of TOOL_ARGUMENT_FRAGMENTS) {
      expect(countTokens(fragment, "o200k_base"), fragment).toBe(1);
      expect(countTokens(fragment, "cl100k_base"), fragment).toBe(1);
    }
    expect(countTokens(TOOL_ARGUMENTS, "o200k_base")).toBe(TOOL_ARGUMENT_FRAGMENTS.length);
  });
});

describe("directives", () => {
  it("reads several directives and keeps defaults for the rest", () => {
    const d = parseDirectives("hi [[mock:reply_tokens=3]] and [[mock:fault=rate_limit]][[mock:retry_after=9]] [[mock:tool=get_weather]]");
    expect(d).toEqual({ ...DEFAULT_DIRECTIVES, replyTokens: 3, fault: "rate_limit", retryAfter: 9, tool: "get_weather" });
  });

  it("refuses unknown keys, unknown faults and non-integers", () => {
    expect(parseDirectives("[[mock:reply_token=3]]")).toHaveProperty("error");
    expect(parseDirectives("[[mock:fault=explode]]")).toHaveProperty("error");
    expect(parseDirectives("[[mock:pace_ms=-1]]")).toHaveProperty("error");
    expect(parseDirectives("[[mock:cached=1.5]]")).toHaveProperty("error");
  });
});
