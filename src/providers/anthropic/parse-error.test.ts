import { describe, expect, it } from "vitest";
import { parseAnthropicError } from "./parse-error";

const KEY = "sk-ant-api03-AbCdEf0123456789-zzzz_yyyy";

describe("parseAnthropicError", () => {
  it("reads Anthropic error JSON", () => {
    const body = '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}';
    expect(parseAnthropicError(529, body)).toEqual({ status: 529, type: "overloaded_error", message: "Overloaded" });
  });

  it("never echoes a key and stays generic for non-JSON bodies", () => {
    const json = JSON.stringify({ type: "error", error: { type: "authentication_error", message: `invalid x-api-key ${KEY}` } });
    const info = parseAnthropicError(401, json);
    expect(info.type).toBe("authentication_error");
    expect(info.message).not.toContain("AbCdEf");
    const text = parseAnthropicError(502, `upstream connect error ${KEY} ${"z".repeat(400)}`);
    expect(text.type).toBe("api_error");
    expect(text.message).not.toContain("AbCdEf");
    expect(text.message.length).toBeLessThanOrEqual(240);
  });
});
