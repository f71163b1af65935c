import { env } from "cloudflare:workers";
import { SignJWT, type JWTPayload } from "jose";
import { describe, expect, it } from "vitest";
import { toBase64Url } from "../../crypto/base64url";
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, issueAccessToken, verifyAccessToken } from "./access-token";
import { expectRefusal, expectValue } from "./test-support";

const subject = { userId: "usr_abc", sessionId: "ses_def", version: 3, role: "user" as const };
const key = new TextEncoder().encode(env.IRON_JWT_SECRET);
const now = (): number => Math.floor(Date.now() / 1000);

/** A token like ours, with one thing changed. */
function forge(change: { alg?: string; typ?: string | null; payload?: JWTPayload; iat?: number; exp?: number; secret?: Uint8Array }): Promise<string> {
  const header: { alg: string; typ?: string } = { alg: change.alg ?? "HS256" };
  if (change.typ !== null) header.typ = change.typ ?? "at+jwt";
  const iat = change.iat ?? now();
  return new SignJWT({ iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, sub: "usr_abc", sid: "ses_def", ver: 3, role: "user", jti: crypto.randomUUID(), ...change.payload })
    .setProtectedHeader(header)
    .setIssuedAt(iat)
    .setExpirationTime(change.exp ?? iat + 600)
    .sign(change.secret ?? key);
}

describe("access tokens", () => {
  it("carry iss, aud, typ at+jwt, sub, sid, ver, role, iat, exp (10 min) and jti, and verify", async () => {
    const issued = expectValue(await issueAccessToken(env, subject));
    const [header, payload] = issued.token.split(".").slice(0, 2).map((part) => JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>);
    expect(header).toEqual({ alg: "HS256", typ: "at+jwt" });
    expect(payload).toMatchObject({ iss: "iron-runtime", aud: "iron-control-api", sub: "usr_abc", sid: "ses_def", ver: 3, role: "user" });
    expect(Number(payload?.exp) - Number(payload?.iat)).toBe(600);
    expect(Date.parse(issued.expiresAt)).toBe(Number(payload?.exp) * 1000);
    const claims = expectValue(await verifyAccessToken(env, issued.token));
    expect(claims).toMatchObject({ sub: "usr_abc", sid: "ses_def", ver: 3, role: "user" });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(await forge({})).not.toBe(issued.token);
    expectValue(await verifyAccessToken(env, await forge({})));
  });

  it("reject other algorithms signed with the same secret, and alg none", async () => {
    expectRefusal(await verifyAccessToken(env, await forge({ alg: "HS512" })), "INVALID_TOKEN");
    expectRefusal(await verifyAccessToken(env, await forge({ alg: "HS384" })), "INVALID_TOKEN");
    const [, payload] = (await forge({})).split(".");
    const none = `${toBase64Url(new TextEncoder().encode(JSON.stringify({ alg: "none", typ: "at+jwt" })))}.${payload ?? ""}.`;
    expectRefusal(await verifyAccessToken(env, none), "INVALID_TOKEN");
  });

  it("reject a wrong audience, issuer or type, and a missing type", async () => {
    expectRefusal(await verifyAccessToken(env, await forge({ payload: { aud: "iron-gateway" } })), "INVALID_TOKEN");
    expectRefusal(await verifyAccessToken(env, await forge({ payload: { iss: "someone-else" } })), "INVALID_TOKEN");
    expectRefusal(await verifyAccessToken(env, await forge({ typ: "JWT" })), "INVALID_TOKEN");
    expectRefusal(await verifyAccessToken(env, await forge({ typ: null })), "INVALID_TOKEN");
  });

  it("reject expired tokens, and tokens living longer than 10 minutes", async () => {
    expectRefusal(await verifyAccessToken(env, await forge({ iat: now() - 700, exp: now() - 100 })), "TOKEN_EXPIRED");
    expectRefusal(await verifyAccessToken(env, await forge({ iat: now() - 60, exp: now() + 3600 })), "INVALID_TOKEN");
    expectRefusal(await verifyAccessToken(env, await forge({ iat: now() - 700, exp: now() + 3600 })), "TOKEN_EXPIRED");
  });

  it("reject a tampered payload, another key, missing or ill-typed claims, and garbage", async () => {
    const [head, payload, signature] = (await forge({})).split(".");
    const claims = JSON.parse(atob((payload ?? "").replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    const elevated = toBase64Url(new TextEncoder().encode(JSON.stringify({ ...claims, role: "admin" })));
    expectRefusal(await verifyAccessToken(env, `${head ?? ""}.${elevated}.${signature ?? ""}`), "INVALID_TOKEN");
    expectRefusal(await verifyAccessToken(env, await forge({ secret: new TextEncoder().encode("another-secret-that-is-32-bytes-long!!") })), "INVALID_TOKEN");
    expectRefusal(await verifyAccessToken(env, await forge({ payload: { sid: undefined } })), "INVALID_TOKEN");
    expectRefusal(await verifyAccessToken(env, await forge({ payload: { role: "root" } })), "INVALID_TOKEN");
    expectRefusal(await verifyAccessToken(env, await forge({ payload: { ver: "3" } })), "INVALID_TOKEN");
    expectRefusal(await verifyAccessToken(env, "not.a.jwt"), "INVALID_TOKEN");
  });

  it("refuse to issue or verify without a secret of at least 32 bytes", async () => {
    const token = await forge({});
    for (const secret of [undefined, "", "31-bytes-secret-is-too-short-xx"]) {
      const weak = { ...env, IRON_JWT_SECRET: secret } as unknown as Env;
      expectRefusal(await issueAccessToken(weak, subject), "AUTH_MISCONFIGURED");
      expectRefusal(await verifyAccessToken(weak, token), "AUTH_MISCONFIGURED");
    }
    expect(new TextEncoder().encode("31-bytes-secret-is-too-short-xx").byteLength).toBe(31);
  });
});
