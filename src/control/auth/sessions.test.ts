import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashToken } from "../../tokens/opaque-token";
import { verifyAccessToken } from "./access-token";
import { checkSession } from "./check-session";
import { REFRESH_GRACE_MS, refreshSession } from "./refresh-session";
import { logout } from "./revoke-sessions";
import { expectRefusal, expectValue, loginAs, makeUser, TRAIL } from "./test-support";

async function sessionRow(refreshToken: string): Promise<Record<string, unknown> | null> {
  return env.DB.prepare("SELECT * FROM sessions WHERE refresh_hash = ?").bind(await hashToken(refreshToken)).first();
}

function refresh(token: string): ReturnType<typeof refreshSession> {
  return refreshSession(env, token, {}, TRAIL);
}

/** Moves a rotation out of the grace window, as if it had happened a while ago. */
async function ageRotation(refreshToken: string): Promise<void> {
  const past = new Date(Date.now() - REFRESH_GRACE_MS - 1000).toISOString();
  await env.DB.prepare("UPDATE sessions SET revoked_at = ? WHERE refresh_hash = ? AND revoked_reason = 'rotated'").bind(past, await hashToken(refreshToken)).run();
}

async function check(accessToken: string): Promise<unknown> {
  return checkSession(env, expectValue(await verifyAccessToken(env, accessToken)));
}

describe("sessions: refresh rotation, reuse detection, logout", () => {
  it("a login stores only the refresh token's hash, for 30 days, and its access token passes checkSession", async () => {
    const user = await makeUser(env);
    const tokens = await loginAs(env, user);
    expect(tokens.refreshToken).toMatch(/^irt_[0-9A-Za-z]{30,44}$/);
    const row = await sessionRow(tokens.refreshToken);
    expect(row).toMatchObject({ id: tokens.sessionId, family_id: tokens.sessionId, parent_id: null, user_id: user.id, revoked_at: null });
    expect(JSON.stringify(row)).not.toContain(tokens.refreshToken);
    const days = (Date.parse(String(row?.expires_at)) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(await check(tokens.accessToken)).toEqual({ via: "session", userId: user.id, role: "user", sessionId: tokens.sessionId });
  });

  it("every refresh rotates: the old row is revoked as rotated, a child joins the same family", async () => {
    const first = await loginAs(env, await makeUser(env));
    const second = expectValue(await refresh(first.refreshToken));
    const third = expectValue(await refresh(second.refreshToken));
    expect(new Set([first.refreshToken, second.refreshToken, third.refreshToken]).size).toBe(3);
    expect(third.sessionId).toBe(first.sessionId);
    const [r1, r2, r3] = await Promise.all([first, second, third].map((t) => sessionRow(t.refreshToken)));
    expect(r1).toMatchObject({ revoked_reason: "rotated", family_id: first.sessionId });
    expect(r2).toMatchObject({ revoked_reason: "rotated", parent_id: r1?.id, family_id: first.sessionId });
    expect(r3).toMatchObject({ revoked_at: null, parent_id: r2?.id, family_id: first.sessionId });
    expect(await check(third.accessToken)).toMatchObject({ sessionId: first.sessionId });
  });

  it("presenting a rotated refresh token (reuse) revokes the whole family", async () => {
    const first = await loginAs(env, await makeUser(env));
    const second = expectValue(await refresh(first.refreshToken));
    await ageRotation(first.refreshToken);
    expectRefusal(await refresh(first.refreshToken), "SESSION_REVOKED");
    expect(await sessionRow(second.refreshToken)).toMatchObject({ revoked_reason: "reuse_detected" });
    expectRefusal(await refresh(second.refreshToken), "SESSION_REVOKED");
    expectRefusal(await check(second.accessToken), "SESSION_REVOKED");
  });

  it("within the grace window a just-rotated token gets CONFLICT and no tokens; the family lives on", async () => {
    const first = await loginAs(env, await makeUser(env));
    const second = expectValue(await refresh(first.refreshToken));
    const late = expectRefusal(await refresh(first.refreshToken), "CONFLICT");
    expect(JSON.stringify(late)).not.toMatch(/irt_|eyJ/);
    expect(await sessionRow(second.refreshToken)).toMatchObject({ revoked_at: null });
    expect(await check(second.accessToken)).toMatchObject({ sessionId: first.sessionId });
    const third = expectValue(await refresh(second.refreshToken));
    expect(third.sessionId).toBe(first.sessionId);
    // Once the window has passed the same replay is reuse.
    await ageRotation(first.refreshToken);
    expectRefusal(await refresh(first.refreshToken), "SESSION_REVOKED");
    expectRefusal(await check(third.accessToken), "SESSION_REVOKED");
  });

  it("of two concurrent refreshes with one token, exactly one rotates; the other gets CONFLICT and no tokens", async () => {
    const first = await loginAs(env, await makeUser(env));
    const results = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
    const winners = results.filter((r) => !("kind" in r));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => "kind" in r).map((r) => ("kind" in r ? r.code : null))).toEqual(["CONFLICT"]);
    const live = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE family_id = ? AND revoked_at IS NULL").bind(first.sessionId).first<{ n: number }>();
    expect(live?.n).toBe(1);
  });

  it("a refresh writes one audit record with its action, in the batch of the rotation", async () => {
    const first = await loginAs(env, await makeUser(env));
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND target_id = ?").bind(TRAIL.action, first.sessionId).first<{ n: number }>();
    expectValue(await refresh(first.refreshToken));
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND target_id = ?").bind(TRAIL.action, first.sessionId).first<{ n: number }>();
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(1);
  });

  it("logout ends the session at once: checkSession and refresh fail right after; other sessions live on", async () => {
    const user = await makeUser(env);
    const phone = await loginAs(env, user);
    const laptop = await loginAs(env, user);
    await logout(env, { userId: user.id, sessionId: phone.sessionId });
    expectRefusal(await check(phone.accessToken), "SESSION_REVOKED");
    expectRefusal(await refresh(phone.refreshToken), "SESSION_REVOKED");
    expect(await check(laptop.accessToken)).toMatchObject({ sessionId: laptop.sessionId });
  });

  it("logout cannot end someone else's session", async () => {
    const victim = await loginAs(env, await makeUser(env));
    await logout(env, { userId: (await makeUser(env)).id, sessionId: victim.sessionId });
    expect(await check(victim.accessToken)).toMatchObject({ sessionId: victim.sessionId });
  });

  it("refuses expired, unknown and malformed refresh tokens", async () => {
    const tokens = await loginAs(env, await makeUser(env));
    await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE family_id = ?").bind(new Date(Date.now() - 1000).toISOString(), tokens.sessionId).run();
    expectRefusal(await refresh(tokens.refreshToken), "SESSION_EXPIRED");
    expectRefusal(await check(tokens.accessToken), "SESSION_REVOKED");
    expectRefusal(await refresh(`irt_${"A".repeat(43)}`), "INVALID_TOKEN");
    expectRefusal(await refresh("irt_short"), "INVALID_TOKEN");
    expectRefusal(await refresh(tokens.accessToken), "INVALID_TOKEN");
  });

  it("a bumped session_version alone ends every session of the user, even rows not marked revoked", async () => {
    const user = await makeUser(env);
    const tokens = await loginAs(env, user);
    await env.DB.prepare("UPDATE users SET session_version = session_version + 1 WHERE id = ?").bind(user.id).run();
    expectRefusal(await check(tokens.accessToken), "SESSION_REVOKED");
    expectRefusal(await refresh(tokens.refreshToken), "SESSION_REVOKED");
  });

  it("checkSession refuses a token whose ver or user does not match", async () => {
    const user = await makeUser(env);
    const tokens = await loginAs(env, user);
    const claims = expectValue(await verifyAccessToken(env, tokens.accessToken));
    expectRefusal(await checkSession(env, { ...claims, ver: claims.ver + 1 }), "SESSION_REVOKED");
    expectRefusal(await checkSession(env, { ...claims, sub: (await makeUser(env)).id }), "SESSION_REVOKED");
    expect(await checkSession(env, claims)).toMatchObject({ userId: user.id });
  });
});
