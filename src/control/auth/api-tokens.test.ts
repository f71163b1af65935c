import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { generateToken, hashToken, hasValidChecksum } from "../../tokens/opaque-token";
import { authenticateApiToken } from "./authenticate-api-token";
import { authenticateBearer } from "./authenticate-bearer";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { logout } from "./revoke-sessions";
import { revokeApiToken } from "./revoke-api-token";
import { expectRefusal, expectValue, loginAs, makeUser, TRAIL } from "./test-support";

describe("API tokens", () => {
  it("are apitok_ + random + checksum, shown once, stored only as a hash, listed by label", async () => {
    const user = await makeUser(env);
    const { token, apiToken } = expectValue(await createApiToken(env, { userId: user.id, name: " ci deploy " }, TRAIL));
    expect(token).toMatch(/^apitok_[0-9A-Za-z]{46,}$/);
    expect(hasValidChecksum(token, "apitok_")).toBe(true);
    expect(apiToken).toMatchObject({ name: "ci deploy", label: `${token.slice(0, 11)}…`, role: null, revokedAt: null, expiresAt: null });
    const row = await env.DB.prepare("SELECT * FROM api_tokens WHERE id = ?").bind(apiToken.id).first();
    expect(row?.token_hash).toBe(await hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await listApiTokens(env, user.id);
    expect(listed).toEqual([apiToken]);
    expect(JSON.stringify(listed)).not.toContain(token.slice(11, 30));
  });

  it("authenticate to their user, capped by the token's role", async () => {
    const admin = await makeUser(env, { role: "admin" });
    const full = expectValue(await createApiToken(env, { userId: admin.id, name: "full" }, TRAIL));
    const capped = expectValue(await createApiToken(env, { userId: admin.id, name: "read only", role: "viewer" }, TRAIL));
    expect(await authenticateApiToken(env, full.token)).toEqual({ via: "api_token", userId: admin.id, role: "admin", tokenId: full.apiToken.id, expiresAt: null });
    expect(await authenticateApiToken(env, capped.token)).toMatchObject({ role: "viewer" });
  });

  it("cannot be created above the user's role, with a bad name or expiry, or for an unknown user", async () => {
    const viewer = await makeUser(env, { role: "viewer" });
    const refusal = expectRefusal(await createApiToken(env, { userId: viewer.id, name: "", role: "admin", expiresInDays: 0 }, TRAIL), "VALIDATION_ERROR");
    expect(Object.keys(refusal.fields ?? {}).sort()).toEqual(["expires_in_days", "name", "role"]);
    expectRefusal(await createApiToken(env, { userId: "usr_nobody", name: "x" }, TRAIL), "NOT_FOUND");
  });

  it("are refused once revoked, expired, with a typo, unknown, or when their user is suspended", async () => {
    const user = await makeUser(env);
    const revoked = expectValue(await createApiToken(env, { userId: user.id, name: "a" }, TRAIL));
    expect(expectValue(await revokeApiToken(env, { userId: user.id, role: "user" }, revoked.apiToken.id, TRAIL)).revokedAt).not.toBeNull();
    expectRefusal(await authenticateApiToken(env, revoked.token), "INVALID_TOKEN");
    const expiring = expectValue(await createApiToken(env, { userId: user.id, name: "b", expiresInDays: 1 }, TRAIL));
    expectValue(await authenticateApiToken(env, expiring.token));
    await env.DB.prepare("UPDATE api_tokens SET expires_at = ? WHERE id = ?").bind(new Date(Date.now() - 1000).toISOString(), expiring.apiToken.id).run();
    expectRefusal(await authenticateApiToken(env, expiring.token), "TOKEN_EXPIRED");
    const live = expectValue(await createApiToken(env, { userId: user.id, name: "c" }, TRAIL));
    const typo = live.token.slice(0, 20) + (live.token[20] === "A" ? "B" : "A") + live.token.slice(21);
    expectRefusal(await authenticateApiToken(env, typo), "INVALID_TOKEN");
    expectRefusal(await authenticateApiToken(env, generateToken("apitok_")), "INVALID_TOKEN");
    await env.DB.prepare("UPDATE users SET status = 'suspended' WHERE id = ?").bind(user.id).run();
    expectRefusal(await authenticateApiToken(env, live.token), "INVALID_TOKEN");
  });

  it("can be revoked by their owner or an admin, not by another user (NOT_FOUND)", async () => {
    const owner = await makeUser(env);
    const other = await makeUser(env);
    const { token, apiToken } = expectValue(await createApiToken(env, { userId: owner.id, name: "x" }, TRAIL));
    expectRefusal(await revokeApiToken(env, { userId: other.id, role: "user" }, apiToken.id, TRAIL), "NOT_FOUND");
    expectValue(await authenticateApiToken(env, token));
    expectValue(await revokeApiToken(env, { userId: "usr_someadmin", role: "admin" }, apiToken.id, TRAIL));
    expectRefusal(await authenticateApiToken(env, token), "INVALID_TOKEN");
  });

  it("record last use at most once a minute", async () => {
    const user = await makeUser(env);
    const { token, apiToken } = expectValue(await createApiToken(env, { userId: user.id, name: "x" }, TRAIL));
    const lastUsed = async (): Promise<unknown> => (await env.DB.prepare("SELECT last_used_at FROM api_tokens WHERE id = ?").bind(apiToken.id).first())?.last_used_at;
    expect(await lastUsed()).toBeNull();
    expectValue(await authenticateApiToken(env, token));
    const first = await lastUsed();
    expect(typeof first).toBe("string");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expectValue(await authenticateApiToken(env, token));
    expect(await lastUsed()).toBe(first);
    const old = new Date(Date.now() - 61_000).toISOString();
    await env.DB.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").bind(old, apiToken.id).run();
    expectValue(await authenticateApiToken(env, token));
    expect(String(await lastUsed()) > old).toBe(true);
  });
});

describe("authenticateBearer", () => {
  it("accepts access tokens (with a live session) and API tokens; refuses agent and lease tokens", async () => {
    const user = await makeUser(env);
    const session = await loginAs(env, user);
    expect(await authenticateBearer(env, `Bearer ${session.accessToken}`)).toMatchObject({ via: "session", userId: user.id });
    const api = expectValue(await createApiToken(env, { userId: user.id, name: "x" }, TRAIL));
    expect(await authenticateBearer(env, `bearer ${api.token}`)).toMatchObject({ via: "api_token", userId: user.id });
    expectRefusal(await authenticateBearer(env, `Bearer ${generateToken("ic_")}`), "INVALID_TOKEN");
    expectRefusal(await authenticateBearer(env, `Bearer icl_abc_def`), "INVALID_TOKEN");
    expectRefusal(await authenticateBearer(env, null), "INVALID_TOKEN");
    expectRefusal(await authenticateBearer(env, session.accessToken), "INVALID_TOKEN");
    await logout(env, { userId: user.id, sessionId: session.sessionId });
    expectRefusal(await authenticateBearer(env, `Bearer ${session.accessToken}`), "SESSION_REVOKED");
  });
});
