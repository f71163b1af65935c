import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN_ACTION, ensureFirstAdmin } from "./ensure-first-admin";
import { login } from "./login";
import { setupFirstAdmin } from "./setup-first-admin";
import { expectRefusal, expectValue, makeUser, PASSWORD, TRAIL } from "./test-support";

const withSecrets = (email: string | undefined, password: string | undefined): Env => ({ ...env, IRON_ADMIN_EMAIL: email, IRON_ADMIN_PASSWORD: password }) as unknown as Env;

const SETUP_TOKEN = "setup-token-for-tests-0123456789-abcdef";
const withSetupToken = (token: string | undefined): Env => ({ ...env, IRON_SETUP_TOKEN: token }) as unknown as Env;
const SETUP = withSetupToken(SETUP_TOKEN);
const setup = (email: string, password: string, setupToken = SETUP_TOKEN, on: Env = SETUP): ReturnType<typeof setupFirstAdmin> => setupFirstAdmin(on, { setupToken, email, password }, TRAIL);

async function userCount(): Promise<number> {
  return (await env.DB.prepare("SELECT COUNT(*) AS n FROM users").first<{ n: number }>())?.n ?? -1;
}

beforeEach(async () => {
  await env.DB.batch([env.DB.prepare("DELETE FROM sessions"), env.DB.prepare("DELETE FROM api_tokens"), env.DB.prepare("DELETE FROM login_attempts"), env.DB.prepare("DELETE FROM users")]);
});

describe("ensureFirstAdmin (deploy-time secrets)", () => {
  it("creates nobody without both secrets: there are no default credentials", async () => {
    for (const [email, password] of [[undefined, undefined], ["", ""], ["admin@example.com", undefined], [undefined, "a long enough password"], ["admin@example.com", ""]] as const) {
      expect(await ensureFirstAdmin(withSecrets(email, password))).toEqual({ outcome: "not_configured" });
    }
    expect(await userCount()).toBe(0);
    for (const [email, password] of [["admin@example.com", "admin"], ["admin", "admin"], ["admin@localhost", "password"], ["root@example.com", "changeme"]] as const) {
      expectRefusal(await login(env, { email, password, ip: null }, TRAIL), "INVALID_CREDENTIALS");
    }
  });

  it("creates the admin once; later calls (and concurrent ones) change nothing", async () => {
    const secrets = withSecrets(" Boss@Example.com ", PASSWORD);
    const results = await Promise.all([ensureFirstAdmin(secrets), ensureFirstAdmin(secrets), ensureFirstAdmin(secrets)]);
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "admin_exists")).toHaveLength(2);
    expect(await ensureFirstAdmin(secrets)).toEqual({ outcome: "admin_exists" });
    expect(await ensureFirstAdmin(withSecrets("another@example.com", "another long password"))).toEqual({ outcome: "admin_exists" });
    expect(await ensureFirstAdmin(withSecrets("boss@example.com", "short"))).toEqual({ outcome: "admin_exists" });
    expect(await userCount()).toBe(1);
    const tokens = expectValue(await login(env, { email: "boss@example.com", password: PASSWORD, ip: null }, TRAIL));
    expect(tokens.user.role).toBe("admin");
  });

  it("refuses weak or malformed secrets, and an email already used by a non-admin", async () => {
    expect(await ensureFirstAdmin(withSecrets("boss@example.com", "short"))).toMatchObject({ outcome: "invalid_secrets", fields: { password: expect.any(String) as unknown } });
    expect(await ensureFirstAdmin(withSecrets("not-an-email", PASSWORD))).toMatchObject({ outcome: "invalid_secrets", fields: { email: expect.any(String) as unknown } });
    const user = await makeUser(env, { role: "user" });
    expect(await ensureFirstAdmin(withSecrets(user.email, "a brand new password"))).toEqual({ outcome: "email_taken" });
    expect(await userCount()).toBe(1);
  });
});

describe("setupFirstAdmin (one-time setup flow)", () => {
  it("works only while there are no users at all", async () => {
    const admin = expectValue(await setup("Owner@Example.com", PASSWORD));
    expect(admin).toMatchObject({ email: "owner@example.com", role: "admin", status: "active" });
    expect(JSON.stringify(admin)).not.toContain("scrypt");
    expectRefusal(await setup("intruder@example.com", PASSWORD), "SETUP_COMPLETED");
    expectValue(await login(env, { email: "owner@example.com", password: PASSWORD, ip: null }, TRAIL));
    expectRefusal(await login(env, { email: "intruder@example.com", password: PASSWORD, ip: null }, TRAIL), "INVALID_CREDENTIALS");
  });

  it("is closed once any user exists, admin or not", async () => {
    await makeUser(env, { role: "viewer" });
    expectRefusal(await setup("late@example.com", PASSWORD), "SETUP_COMPLETED");
  });

  it("lets exactly one of several racing callers win", async () => {
    const results = await Promise.all(["a", "b", "c"].map((name) => setup(`${name}@example.com`, PASSWORD)));
    expect(results.filter((r) => !("kind" in r))).toHaveLength(1);
    expect(await userCount()).toBe(1);
  });

  it("reports every validation problem at once", async () => {
    const refusal = expectRefusal(await setup("nope", "short"), "VALIDATION_ERROR");
    expect(Object.keys(refusal.fields ?? {}).sort()).toEqual(["email", "password"]);
    expect(await userCount()).toBe(0);
  });

  it("is disabled without IRON_SETUP_TOKEN (as in this test environment) or with one shorter than 32 characters", async () => {
    for (const on of [withSetupToken(undefined), withSetupToken(""), withSetupToken("too-short-token")]) {
      expectRefusal(await setup("owner@example.com", PASSWORD, "too-short-token", on), "SETUP_DISABLED");
    }
    expect(await userCount()).toBe(0);
  });

  it("needs the exact setup token, checked before anything else (nobody learns whether setup is done)", async () => {
    for (const wrong of ["", SETUP_TOKEN.slice(0, -1), `${SETUP_TOKEN}x`, SETUP_TOKEN.toUpperCase()]) {
      expectRefusal(await setup("owner@example.com", PASSWORD, wrong), "INVALID_CREDENTIALS");
    }
    expectRefusal(await setup("nope", "short", "wrong"), "INVALID_CREDENTIALS");
    expect(await userCount()).toBe(0);
    expectValue(await setup("owner@example.com", PASSWORD));
    expectRefusal(await setup("late@example.com", PASSWORD, "wrong"), "INVALID_CREDENTIALS");
  });

  it("records the creation (and the bootstrap from secrets) in the audit log", async () => {
    const admin = expectValue(await setup("owner@example.com", PASSWORD));
    const rows = await env.DB.prepare("SELECT action, outcome, after FROM audit_log WHERE target_id = ?").bind(admin.id).all<{ action: string; outcome: string; after: string }>();
    expect(rows.results.map((r) => [r.action, r.outcome])).toEqual([[TRAIL.action, "ok"]]);
    expect(rows.results[0]?.after).not.toContain("scrypt");
    await env.DB.prepare("DELETE FROM users").run();
    const created = await ensureFirstAdmin(withSecrets("boot@example.com", PASSWORD));
    if (created.outcome !== "created") throw new Error(created.outcome);
    const boot = await env.DB.prepare("SELECT action, actor_role FROM audit_log WHERE target_id = ?").bind(created.user.id).all();
    expect(boot.results).toEqual([{ action: BOOTSTRAP_ADMIN_ACTION, actor_role: "system" }]);
  });
});
