import { describe, expect, it } from "vitest";
import { parseOpenAIError } from "./parse-error";

const KEY = "sk-proj-AbCdEf0123456789_xyzXYZ-9876543210";

describe("parseOpenAIError", () => {
  it("reads OpenAI error JSON and redacts keys from the message", () => {
    const body = JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}.`, type: "invalid_request_error", code: "invalid_api_key" } });
    const info = parseOpenAIError(401, body);
    expect(info).toEqual({ status: 401, type: "invalid_request_error", message: "Incorrect API key provided: sk-[redacted]." });
  });

  it("falls back to the code, then to a type for the status", () => {
    expect(parseOpenAIError(429, '{"error":{"message":"slow down","type":null,"code":"rate_limit_exceeded"}}').type).toBe("rate_limit_exceeded");
    expect(parseOpenAIError(503, '{"error":{"message":"busy"}}').type).toBe("api_error");
  });

  it("summarizes non-JSON bodies in at most 200 safe characters without any key", () => {
    const html = `<html><body>Bad gateway \u0000\u001b[31m Authorization: Bearer ${KEY} ${"x".repeat(500)}</body></html>`;
    const info = parseOpenAIError(502, html);
    expect(info.status).toBe(502);
    expect(info.type).toBe("api_error");
    expect(info.message.startsWith("Upstream provider returned HTTP 502: ")).toBe(true);
    expect(info.message.length).toBeLessThanOrEqual("Upstream provider returned HTTP 502: ".length + 200);
    expect(info.message).not.toMatch(/sk-proj|AbCdEf|[\u0000-\u001f]/);
    expect(parseOpenAIError(500, "").message).toBe("Upstream provider returned HTTP 500");
  });

  it("never echoes a key, whatever the shape", () => {
    for (const body of [KEY, `{"error":"${KEY}"}`, `{"error":{"message":"key=${KEY}"}}`, `{"error":{"type":"${KEY}","message":"x"}}`]) {
      const info = parseOpenAIError(400, body);
      expect(JSON.stringify(info)).not.toContain("AbCdEf0123456789");
    }
  });
});
