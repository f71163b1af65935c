import { describe, expect, it } from "vitest";
import { redactSecrets, safeExcerpt } from "./redact";

describe("redactSecrets", () => {
  it("redacts OpenAI and Anthropic keys, bearer tokens and named key fields", () => {
    expect(redactSecrets("key sk-ant-api03-AAAA_bbbb-CCCC here")).toBe("key sk-[redacted] here");
    expect(redactSecrets("id_sk-proj-abcdef")).toBe("id_sk-[redacted]");
    expect(redactSecrets("Bearer abc.def-123")).toBe("Bearer [redacted]");
    expect(redactSecrets('{"api_key": "zzz123"}')).toBe('{"api_key": "[redacted]"}');
    expect(redactSecrets("x-api-key=qqq")).toBe("x-api-key=[redacted]");
  });

  it("leaves ordinary words alone", () => {
    expect(redactSecrets("a task-force asked")).toBe("a task-force asked");
  });
});

describe("safeExcerpt", () => {
  it("keeps printable ASCII only, collapsed, capped", () => {
    expect(safeExcerpt("a\n\n\tb\u0007c é", 200)).toBe("a b c");
    expect(safeExcerpt("y".repeat(300))).toHaveLength(200);
  });
});
