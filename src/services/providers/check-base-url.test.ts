import { describe, expect, it } from "vitest";
import { isRefusal } from "../../errors/refusal";
import { checkBaseUrl } from "./check-base-url";

const prod = { IRON_ENV: "production" };

describe("provider base URLs", () => {
  it("accept public https hosts", () => {
    expect(isRefusal(checkBaseUrl("https://api.openai.com/v1", prod))).toBe(false);
    expect(isRefusal(checkBaseUrl("https://api.anthropic.com", prod))).toBe(false);
  });
  it("refuse private, loopback, metadata, credentials and plain http in production", () => {
    for (const url of ["http://api.openai.com/v1", "https://127.0.0.1:8788", "https://169.254.169.254/latest", "https://10.0.0.5", "https://[::1]/", "https://metadata.google.internal", "https://user:pw@api.openai.com", "https://localhost:1", "not a url", "https://192.168.1.1?x=1"]) {
      expect(isRefusal(checkBaseUrl(url, prod)), url).toBe(true);
    }
  });
  it("allow loopback http for local development and tests", () => {
    expect(isRefusal(checkBaseUrl("http://127.0.0.1:8788", { IRON_ENV: "development" }))).toBe(false);
  });
});
