import { describe, expect, it } from "vitest";
import { generateToken, hashToken, hasValidChecksum } from "./opaque-token";

describe("opaque tokens", () => {
  it("have the prefix, ≥ 32 random bytes of base62 and a checksum that catches every single-character typo", () => {
    const token = generateToken("ic_");
    expect(token).toMatch(/^ic_[0-9A-Za-z]{46,}$/);
    expect(hasValidChecksum(token, "ic_")).toBe(true);
    const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    for (let i = 3; i < token.length; i++) {
      const replacement = alphabet[(alphabet.indexOf(token[i] ?? "0") + 7) % 62] ?? "0";
      const typo = token.slice(0, i) + replacement + token.slice(i + 1);
      expect(hasValidChecksum(typo, "ic_")).toBe(false);
    }
  });

  it("reject other prefixes, short bodies and foreign characters", () => {
    const token = generateToken("ic_");
    expect(hasValidChecksum(token, "icl_")).toBe(false);
    expect(hasValidChecksum(token.slice(0, 20), "ic_")).toBe(false);
    expect(hasValidChecksum(`${token.slice(0, 10)}-${token.slice(11)}`, "ic_")).toBe(false);
    expect(hasValidChecksum(generateToken("apitok_"), "apitok_")).toBe(true);
  });

  it("are unique and hash to 64 hex characters", async () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateToken("ic_")));
    expect(tokens.size).toBe(200);
    const [first] = tokens;
    expect(await hashToken(first ?? "")).toMatch(/^[0-9a-f]{64}$/);
  });
});
