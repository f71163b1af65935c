import { describe, expect, it } from "vitest";
import { DUMMY_HASH, verifyAgainstDummy } from "./dummy-hash";
import { hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from "./password-hash";
import { legacyHash } from "./test-support";

describe("password hashing (scrypt)", () => {
  it("encodes scheme, N, r, p, a 16-byte salt and a 32-byte hash, with OWASP's N=2^14 r=8 p=5", async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 16384, r: 8, p: 5 });
    const encoded = await hashPassword("correct horse battery staple");
    expect(encoded).toMatch(/^scrypt\$16384\$8\$5\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(encoded).not.toContain("correct horse");
  });

  it("verifies the right password and rejects wrong, near-miss and empty ones", async () => {
    const encoded = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", encoded)).toBe(true);
    expect(await verifyPassword("correct horse battery staplE", encoded)).toBe(false);
    expect(await verifyPassword("correct horse battery stapl", encoded)).toBe(false);
    expect(await verifyPassword("", encoded)).toBe(false);
  });

  it("salts every hash: the same password never hashes the same twice", async () => {
    const [a, b] = await Promise.all([hashPassword("same password here"), hashPassword("same password here")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password here", b)).toBe(true);
  });

  it("normalizes passwords to NFKC (composed and decomposed é are the same password)", async () => {
    const encoded = await hashPassword("caf\u00e9 au lait, s'il vous plaît");
    expect(await verifyPassword("cafe\u0301 au lait, s'il vous plaît", encoded)).toBe(true);
  });

  it("reads the parameters from the hash: old hashes verify and are flagged for rehash", async () => {
    const old = await legacyHash("an older password", 2 ** 12, 8, 1);
    expect(await verifyPassword("an older password", old)).toBe(true);
    expect(await verifyPassword("another password", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword("x"))).toBe(false);
    expect(needsRehash("garbage")).toBe(true);
  });

  it("throws on a malformed stored hash or absurd parameters (a bug, not a wrong password)", async () => {
    await expect(verifyPassword("x", "pbkdf2$100000$abc$def")).rejects.toThrow("malformed");
    await expect(verifyPassword("x", "scrypt$1048577$8$5$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).rejects.toThrow("malformed");
    await expect(verifyPassword("x", "scrypt$262144$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).rejects.toThrow("malformed");
  });

  it("keeps a dummy hash made with today's parameters, which nothing matches", async () => {
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(await verifyAgainstDummy("")).toBe(false);
    expect(await verifyPassword("correct horse battery staple", DUMMY_HASH)).toBe(false);
  });
});
