import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { verifyAccessToken } from "./access-token";
import { activateUser } from "./activate-user";
import { authenticateApiToken } from "./authenticate-api-token";
import { changeOwnPassword } from "./change-own-password";
import { changeRole } from "./change-role";
import { checkSession } from "./check-session";
import { createApiToken } from "./create-api-token";
import { createUser } from "./create-user";
import { login } from "./login";
import { refreshSession } from "./refresh-session";
import { resetPassword } from "./reset-password";
import type { SessionTokens } from "./session-tokens";
import { suspendUser } from "./suspend-user";
import { expectRefusal, expectValue, loginAs, makeUser, PASSWORD, TRAIL, uniqueEmail } from "./test-support";

const NEW_PASSWORD = "a completely new passphrase";

async function check(tokens: SessionTokens): Promise<unknown> {
  return checkSession(env, expectValue(await verifyAccessToken(env, tokens.accessToken)));
}

/** The session is over (and recorded so): its access token fails checkSession, its refresh token no longer refreshes. */
async function expectEnded(tokens: SessionTokens, reason: string): Promise<void> {
  const row = await env.DB.prepare("SELECT revoked_reason FROM sessions WHERE family_id = ? AND parent_id IS NULL").bind(tokens.sessionId).first();
  expect(row?.revoked_reason).toBe(reason);
  const claims = expectValue(await verifyAccessToken(env, tokens.accessToken));
  const user = await env.DB.prepare("SELECT session_version FROM users WHERE id = ?").bind(claims.sub).first<{ session_version: number }>();
  expect(user?.session_version).toBeGreaterThan(claims.ver);
  expectRefusal(await check(tokens), "SESSION_REVOKED");
  expectRefusal(await refreshSession(env, tokens.refreshToken, {}, TRAIL), "SESSION_REVOKED");
}

async function adminActor(): Promise<{ userId: string; role: "admin" }> {
  return { userId: (await makeUser(env, { role: "admin" })).id, role: "admin" };
}

describe("user management", () => {
  it("createUser: admins only; every problem reported at once; emails unique whatever their case", async () => {
    const admin = await adminActor();
    expectRefusal(await createUser(env, { userId: admin.userId, role: "user" }, { email: uniqueEmail(), password: PASSWORD, role: "user" }, TRAIL), "FORBIDDEN");
    const bad = expectRefusal(await createUser(env, admin, { email: "x", password: "short", role: "root" as "user" }, TRAIL), "VALIDATION_ERROR");
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["email", "password", "role"]);
    const email = uniqueEmail("Mixed");
    const created = expectValue(await createUser(env, admin, { email, password: PASSWORD, role: "viewer" }, TRAIL));
    expect(created).toMatchObject({ email: email.toLowerCase(), role: "viewer", status: "active", lastLoginAt: null });
    expect(JSON.stringify(created)).not.toMatch(/scrypt|session_?version/i);
    expectRefusal(await createUser(env, admin, { email: email.toUpperCase(), password: PASSWORD, role: "user" }, TRAIL), "EMAIL_TAKEN");
    expect((await loginAs(env, created)).user.role).toBe("viewer");
  });

  it("changeRole ends the user's sessions at once; the new login carries the new role", async () => {
    const admin = await adminActor();
    const user = await makeUser(env);
    const before = await loginAs(env, user);
    expect(expectValue(await changeRole(env, admin, user.id, "viewer", TRAIL)).role).toBe("viewer");
    await expectEnded(before, "role_changed");
    const after = await loginAs(env, user);
    expect(await check(after)).toMatchObject({ role: "viewer" });
  });

  it("changeRole: not yourself, not by non-admins, not unknown users", async () => {
    const admin = await adminActor();
    expectRefusal(await changeRole(env, admin, admin.userId, "user", TRAIL), "SELF_ACTION_FORBIDDEN");
    const user = await makeUser(env);
    expectRefusal(await changeRole(env, { userId: user.id, role: "user" }, admin.userId, "viewer", TRAIL), "FORBIDDEN");
    expectRefusal(await changeRole(env, admin, "usr_missing", "viewer", TRAIL), "NOT_FOUND");
  });

  it("the last active admin can be neither demoted nor suspended, even by two admins racing", async () => {
    await env.DB.prepare("UPDATE users SET status = 'deleted' WHERE role = 'admin'").run();
    const a = await makeUser(env, { role: "admin" });
    const b = await makeUser(env, { role: "admin" });
    const asA = { userId: a.id, role: "admin" as const };
    const asB = { userId: b.id, role: "admin" as const };
    const results = await Promise.all([changeRole(env, asA, b.id, "user", TRAIL), changeRole(env, asB, a.id, "user", TRAIL)]);
    expect(results.filter((r) => "kind" in r && r.code === "LAST_ADMIN")).toHaveLength(1);
    const admins = await env.DB.prepare("SELECT id FROM users WHERE role = 'admin' AND status = 'active'").all<{ id: string }>();
    expect(admins.results).toHaveLength(1);
    const [survivor, demoted] = admins.results[0]?.id === a.id ? [asA, asB] : [asB, asA];
    expectRefusal(await suspendUser(env, demoted, survivor.userId, TRAIL), "LAST_ADMIN");
    expectRefusal(await changeRole(env, demoted, survivor.userId, "viewer", TRAIL), "LAST_ADMIN");
  });

  it("suspendUser ends sessions and stops API tokens at once; activateUser lets them log in again", async () => {
    const admin = await adminActor();
    const user = await makeUser(env);
    const session = await loginAs(env, user);
    const api = expectValue(await createApiToken(env, { userId: user.id, name: "x" }, TRAIL));
    expect(expectValue(await suspendUser(env, admin, user.id, TRAIL)).status).toBe("suspended");
    await expectEnded(session, "suspended");
    expectRefusal(await authenticateApiToken(env, api.token), "INVALID_TOKEN");
    expectRefusal(await login(env, { email: user.email, password: PASSWORD, ip: null }, TRAIL), "ACCOUNT_SUSPENDED");
    expectRefusal(await suspendUser(env, admin, admin.userId, TRAIL), "SELF_ACTION_FORBIDDEN");
    expect(expectValue(await activateUser(env, admin, user.id, TRAIL)).status).toBe("active");
    await expectEnded(session, "suspended");
    await loginAs(env, user);
    expectValue(await authenticateApiToken(env, api.token));
  });

  it("resetPassword (admin) ends every session; only the new password works", async () => {
    const admin = await adminActor();
    const user = await makeUser(env);
    const [a, b] = [await loginAs(env, user), await loginAs(env, user)];
    expectRefusal(await resetPassword(env, admin, user.id, "short", TRAIL), "VALIDATION_ERROR");
    expectRefusal(await resetPassword(env, { userId: user.id, role: "user" }, user.id, NEW_PASSWORD, TRAIL), "FORBIDDEN");
    expectValue(await resetPassword(env, admin, user.id, NEW_PASSWORD, TRAIL));
    await expectEnded(a, "password_changed");
    await expectEnded(b, "password_changed");
    expectRefusal(await login(env, { email: user.email, password: PASSWORD, ip: null }, TRAIL), "INVALID_CREDENTIALS");
    await loginAs(env, user, NEW_PASSWORD);
  });

  it("changeOwnPassword needs the current password, then ends every session", async () => {
    const user = await makeUser(env);
    const session = await loginAs(env, user);
    const wrong = expectRefusal(await changeOwnPassword(env, user.id, { currentPassword: "not my password", newPassword: NEW_PASSWORD, ip: null }, TRAIL), "INVALID_CREDENTIALS");
    expect(wrong.fields).toEqual({ current_password: "is wrong" });
    expect(await check(session)).toMatchObject({ userId: user.id });
    expectRefusal(await changeOwnPassword(env, user.id, { currentPassword: PASSWORD, newPassword: "short", ip: null }, TRAIL), "VALIDATION_ERROR");
    const fresh = expectValue(await changeOwnPassword(env, user.id, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, ip: null }, TRAIL));
    await expectEnded(session, "password_changed");
    // The caller stays signed in: the session started with the change is at the new version.
    expect(await check(fresh)).toMatchObject({ userId: user.id, sessionId: fresh.sessionId });
    expect(fresh.sessionId).not.toBe(session.sessionId);
    await loginAs(env, user, NEW_PASSWORD);
  });

  it("changeOwnPassword is throttled like login", async () => {
    const user = await makeUser(env);
    for (let i = 0; i < 5; i++) expectRefusal(await changeOwnPassword(env, user.id, { currentPassword: `guess ${i} guess`, newPassword: NEW_PASSWORD, ip: null }, TRAIL), "INVALID_CREDENTIALS");
    expectRefusal(await changeOwnPassword(env, user.id, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, ip: null }, TRAIL), "TOO_MANY_ATTEMPTS");
  });
});
