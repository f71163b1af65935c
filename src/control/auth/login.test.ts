import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { findUserById } from "./find-user";
import { login } from "./login";
import { MAX_ATTEMPTS_PER_EMAIL, MAX_ATTEMPTS_PER_IP } from "./login-throttle";
import { hashPassword, needsRehash } from "./password-hash";
import { expectRefusal, expectValue, legacyHash, makeUser, PASSWORD, uniqueEmail } from "./test-support";

const ip = (): string => `198.51.100.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}`;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

describe("login", () => {
  it("returns tokens for the right password, with the email in any case and padding", async () => {
    const user = await makeUser(env);
    const tokens = expectValue(await login(env, { email: `  ${user.email.toUpperCase()} `, password: PASSWORD, ip: ip() }));
    expect(tokens.user).toEqual({ id: user.id, role: "user" });
    expect((await findUserById(env, user.id))?.lastLoginAt).not.toBeNull();
  });

  it("unknown user, deleted user and wrong password give the same refusal, after one scrypt verify each", async () => {
    const user = await makeUser(env);
    const deleted = await makeUser(env, { status: "deleted" });
    const [wrong, wrongMs] = await timed(() => login(env, { email: user.email, password: "not the password!", ip: ip() }));
    const [unknown, unknownMs] = await timed(() => login(env, { email: uniqueEmail("ghost"), password: "not the password!", ip: ip() }));
    const [gone] = await timed(() => login(env, { email: deleted.email, password: PASSWORD, ip: ip() }));
    const [huge, hugeMs] = await timed(() => login(env, { email: user.email, password: "x".repeat(100_000), ip: ip() }));
    for (const refusal of [wrong, unknown, gone, huge]) {
      expect(refusal).toEqual({ kind: "control_refusal", code: "INVALID_CREDENTIALS", status: 401, message: "Invalid email or password." });
    }
    // One scrypt verify (~100 ms here) dominates each; a path without it would take a few ms.
    const [, hashMs] = await timed(() => hashPassword("calibration password"));
    for (const ms of [wrongMs, unknownMs, hugeMs]) expect(ms).toBeGreaterThan(hashMs * 0.5);
    expect(unknownMs / wrongMs).toBeGreaterThan(0.5);
    expect(unknownMs / wrongMs).toBeLessThan(2);
  });

  it("a suspended account is told so only after the right password", async () => {
    const user = await makeUser(env, { status: "suspended" });
    expectRefusal(await login(env, { email: user.email, password: "not the password!", ip: ip() }), "INVALID_CREDENTIALS");
    expectRefusal(await login(env, { email: user.email, password: PASSWORD, ip: ip() }), "ACCOUNT_SUSPENDED");
  });

  it("upgrades a hash made with older parameters on a successful login", async () => {
    const user = await makeUser(env);
    const old = await legacyHash(PASSWORD, 2 ** 12, 8, 1);
    await env.DB.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bind(old, user.id).run();
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: ip() }));
    const upgraded = (await findUserById(env, user.id))?.passwordHash ?? old;
    expect(upgraded).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(needsRehash(upgraded)).toBe(false);
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: ip() }));
  });

  it("refuses to start when IRON_JWT_SECRET is missing", async () => {
    const user = await makeUser(env);
    expectRefusal(await login({ ...env, IRON_JWT_SECRET: "" }, { email: user.email, password: PASSWORD, ip: ip() }), "AUTH_MISCONFIGURED");
  });
});

describe("login throttling", () => {
  it(`refuses the account after ${MAX_ATTEMPTS_PER_EMAIL} failures in 15 minutes, even with the right password, from any IP`, async () => {
    const user = await makeUser(env);
    for (let i = 0; i < MAX_ATTEMPTS_PER_EMAIL; i++) expectRefusal(await login(env, { email: user.email, password: `wrong password ${i}`, ip: ip() }), "INVALID_CREDENTIALS");
    const refusal = expectRefusal(await login(env, { email: user.email, password: PASSWORD, ip: ip() }), "TOO_MANY_ATTEMPTS");
    expect(refusal.status).toBe(429);
    const retryAfter = Number(refusal.headers?.["retry-after"]);
    expect(retryAfter).toBeGreaterThan(890);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const key = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`email:${user.email}`));
    const hex = [...new Uint8Array(key)].map((b) => b.toString(16).padStart(2, "0")).join("");
    await env.DB.prepare("UPDATE login_attempts SET window_start = ? WHERE key = ?").bind(new Date(Date.now() - 16 * 60_000).toISOString(), hex).run();
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: ip() }));
  });

  it("throttles unknown accounts exactly like real ones", async () => {
    const email = uniqueEmail("ghost");
    for (let i = 0; i < MAX_ATTEMPTS_PER_EMAIL; i++) expectRefusal(await login(env, { email, password: "whatever password", ip: ip() }), "INVALID_CREDENTIALS");
    expectRefusal(await login(env, { email, password: "whatever password", ip: ip() }), "TOO_MANY_ATTEMPTS");
  });

  it("a successful login clears the account's failures", async () => {
    const user = await makeUser(env);
    const fail = async (): Promise<void> => { expectRefusal(await login(env, { email: user.email, password: "wrong password!!", ip: ip() }), "INVALID_CREDENTIALS"); };
    for (let i = 0; i < MAX_ATTEMPTS_PER_EMAIL - 1; i++) await fail();
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: ip() }));
    for (let i = 0; i < MAX_ATTEMPTS_PER_EMAIL - 1; i++) await fail();
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: ip() }));
  });

  it(`refuses an IP after ${MAX_ATTEMPTS_PER_IP} attempts across accounts; other IPs are unaffected`, async () => {
    const address = ip();
    const attempts = Array.from({ length: MAX_ATTEMPTS_PER_IP }, () => login(env, { email: uniqueEmail("spray"), password: "spray password 1", ip: address }));
    for (const result of await Promise.all(attempts)) expectRefusal(result, "INVALID_CREDENTIALS");
    const user = await makeUser(env);
    expectRefusal(await login(env, { email: user.email, password: PASSWORD, ip: address }), "TOO_MANY_ATTEMPTS");
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: ip() }));
  });

  it("concurrent guesses cannot slip past the account limit", async () => {
    const user = await makeUser(env);
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => login(env, { email: user.email, password: `guess number ${i}`, ip: ip() })));
    const checked = guesses.filter((g) => "code" in g && g.code === "INVALID_CREDENTIALS").length;
    expect(checked).toBe(MAX_ATTEMPTS_PER_EMAIL);
  });
});
