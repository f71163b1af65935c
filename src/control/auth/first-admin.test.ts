import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { ensureFirstAdmin } from "./ensure-first-admin";
import { login } from "./login";
import { setupFirstAdmin } from "./setup-first-admin";
import { expectRefusal, expectValue, makeUser, PASSWORD } from "./test-support";

const withSecrets = (email: string | undefined, password: string | undefined): Env => ({ ...env, IRON_ADMIN_EMAIL: email, IRON_ADMIN_PASSWORD: password }) as unknown as Env;

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
    expect(await ensureFirstAdmin(env)).toEqual({ outcome: "not_configured" });
    expect(await userCount()).toBe(0);
    for (const [email, password] of [["admin@example.com", "admin"], ["admin", "admin"], ["admin@localhost", "password"], ["root@example.com", "changeme"]] as const) {
      expectRefusal(await login(env, { email, password, ip: null }), "INVALID_CREDENTIALS");
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
    const tokens = expectValue(await login(env, { email: "boss@example.com", password: PASSWORD, ip: null }));
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
    const admin = expectValue(await setupFirstAdmin(env, { email: "Owner@Example.com", password: PASSWORD }));
    expect(admin).toMatchObject({ email: "owner@example.com", role: "admin", status: "active" });
    expect(JSON.stringify(admin)).not.toContain("scrypt");
    expectRefusal(await setupFirstAdmin(env, { email: "intruder@example.com", password: PASSWORD }), "SETUP_COMPLETED");
    expectValue(await login(env, { email: "owner@example.com", password: PASSWORD, ip: null }));
    expectRefusal(await login(env, { email: "intruder@example.com", password: PASSWORD, ip: null }), "INVALID_CREDENTIALS");
  });

  it("is closed once any user exists, admin or not", async () => {
    await makeUser(env, { role: "viewer" });
    expectRefusal(await setupFirstAdmin(env, { email: "late@example.com", password: PASSWORD }), "SETUP_COMPLETED");
  });

  it("lets exactly one of several racing callers win", async () => {
    const results = await Promise.all(["a", "b", "c"].map((name) => setupFirstAdmin(env, { email: `${name}@example.com`, password: PASSWORD })));
    expect(results.filter((r) => !("kind" in r))).toHaveLength(1);
    expect(await userCount()).toBe(1);
  });

  it("reports every validation problem at once", async () => {
    const refusal = expectRefusal(await setupFirstAdmin(env, { email: "nope", password: "short" }), "VALIDATION_ERROR");
    expect(Object.keys(refusal.fields ?? {}).sort()).toEqual(["email", "password"]);
    expect(await userCount()).toBe(0);
  });
});
