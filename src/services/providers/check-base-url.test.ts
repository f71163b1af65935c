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

describe("provider base URL allow-list", () => {
  it("refuses public hosts that are not known providers, in production and in tests", () => {
    for (const env of [prod, { IRON_ENV: "test" }]) {
      expect(isRefusal(checkBaseUrl("https://evil.example.com/v1", env))).toBe(true);
      expect(isRefusal(checkBaseUrl("https://api.openai.com.evil.example.com/v1", env))).toBe(true);
      expect(isRefusal(checkBaseUrl("https://api.groq.com/openai/v1", env))).toBe(false);
    }
  });
  it("accepts hosts from IRON_PROVIDER_HOSTS, with *. for subdomains", () => {
    const env = { IRON_ENV: "production", IRON_PROVIDER_HOSTS: "llm.example.com, *.inference.example.net" };
    expect(isRefusal(checkBaseUrl("https://llm.example.com/v1", env))).toBe(false);
    expect(isRefusal(checkBaseUrl("https://eu.inference.example.net/v1", env))).toBe(false);
    expect(isRefusal(checkBaseUrl("https://inference.example.net/v1", env))).toBe(true);
    expect(isRefusal(checkBaseUrl("https://other.example.com/v1", env))).toBe(true);
    expect(isRefusal(checkBaseUrl("https://my-resource.openai.azure.com/openai", prod))).toBe(false);
  });
  it("refuses private addresses in production even when listed", () => {
    const env = { IRON_ENV: "production", IRON_PROVIDER_HOSTS: "10.0.0.5,localhost,internal.local" };
    for (const url of ["https://10.0.0.5/v1", "https://localhost/v1", "https://internal.local/v1", "https://[::ffff:10.0.0.5]/", "https://[::7f00:1]/", "https://[fd00::1]/", "https://2130706433/"]) {
      expect(isRefusal(checkBaseUrl(url, env)), url).toBe(true);
    }
  });
  it("refuses cloud metadata and link-local addresses everywhere, local development included", () => {
    for (const env of [prod, { IRON_ENV: "development" }, { IRON_ENV: "test" }]) {
      for (const url of ["http://169.254.169.254/latest", "http://169.254.170.2/v2", "http://[fd00:ec2::254]/", "http://metadata.google.internal/", "http://100.100.100.200/", "http://[fe80::1]/"]) {
        expect(isRefusal(checkBaseUrl(url, env)), `${env.IRON_ENV} ${url}`).toBe(true);
      }
    }
  });
});
