import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { findUserById } from "./find-user";
import { login } from "./login";
import { MAX_ATTEMPTS_PER_ACCOUNT, MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK, MAX_ATTEMPTS_PER_NETWORK, registerLoginAttempt } from "./login-throttle";
import { hashPassword, needsRehash } from "./password-hash";
import { expectRefusal, expectValue, legacyHash, makeUser, PASSWORD, TRAIL, uniqueEmail } from "./test-support";

const ip = (): string => `198.51.100.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}`;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

describe("login", () => {
  it("returns tokens for the right password, with the email in any case and padding", async () => {
    const user = await makeUser(env);
    const tokens = expectValue(await login(env, { email: `  ${user.email.toUpperCase()} `, password: PASSWORD, ip: ip() }, TRAIL));
    expect(tokens.user).toEqual({ id: user.id, role: "user", email: user.email });
    expect((await findUserById(env, user.id))?.lastLoginAt).not.toBeNull();
  });

  it("unknown user, deleted user and wrong password give the same refusal, after one scrypt verify each", async () => {
    const user = await makeUser(env);
    const deleted = await makeUser(env, { status: "deleted" });
    const [wrong, wrongMs] = await timed(() => login(env, { email: user.email, password: "not the password!", ip: ip() }, TRAIL));
    const [unknown, unknownMs] = await timed(() => login(env, { email: uniqueEmail("ghost"), password: "not the password!", ip: ip() }, TRAIL));
    const [gone] = await timed(() => login(env, { email: deleted.email, password: PASSWORD, ip: ip() }, TRAIL));
    const [huge, hugeMs] = await timed(() => login(env, { email: user.email, password: "x".repeat(100_000), ip: ip() }, TRAIL));
    // What the caller is told is identical; only the audit record's target (never rendered) names a known account.
    const audited = (r: unknown): unknown => (r as { auditTarget?: unknown }).auditTarget;
    for (const refusal of [wrong, unknown, gone, huge]) {
      const told: Record<string, unknown> = { ...(refusal as object) };
      delete told.auditTarget;
      expect(told).toEqual({ kind: "control_refusal", code: "INVALID_CREDENTIALS", status: 401, message: "Invalid email or password." });
    }
    expect([audited(wrong), audited(huge), audited(gone), audited(unknown)]).toEqual([
      { type: "user", id: user.id }, { type: "user", id: user.id }, { type: "user", id: deleted.id }, undefined,
    ]);
    // One scrypt verify (~100 ms here) dominates each; a path without it would take a few ms.
    const [, hashMs] = await timed(() => hashPassword("calibration password"));
    for (const ms of [wrongMs, unknownMs, hugeMs]) expect(ms).toBeGreaterThan(hashMs * 0.5);
    expect(unknownMs / wrongMs).toBeGreaterThan(0.5);
    expect(unknownMs / wrongMs).toBeLessThan(2);
  });

  it("a suspended account is told so only after the right password", async () => {
    const user = await makeUser(env, { status: "suspended" });
    expectRefusal(await login(env, { email: user.email, password: "not the password!", ip: ip() }, TRAIL), "INVALID_CREDENTIALS");
    expectRefusal(await login(env, { email: user.email, password: PASSWORD, ip: ip() }, TRAIL), "ACCOUNT_SUSPENDED");
  });

  it("upgrades a hash made with older parameters on a successful login", async () => {
    const user = await makeUser(env);
    const old = await legacyHash(PASSWORD, 2 ** 12, 8, 1);
    await env.DB.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bind(old, user.id).run();
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: ip() }, TRAIL));
    const upgraded = (await findUserById(env, user.id))?.passwordHash ?? old;
    expect(upgraded).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(needsRehash(upgraded)).toBe(false);
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: ip() }, TRAIL));
  });

  it("refuses to start when IRON_JWT_SECRET is missing", async () => {
    const user = await makeUser(env);
    expectRefusal(await login({ ...env, IRON_JWT_SECRET: "" }, { email: user.email, password: PASSWORD, ip: ip() }, TRAIL), "AUTH_MISCONFIGURED");
  });
});

const fail = async (email: string, from: string | null): Promise<void> => {
  expectRefusal(await login(env, { email, password: "wrong password!!", ip: from }, TRAIL), "INVALID_CREDENTIALS");
};

/** Backdates every throttle window, as if 16 minutes had passed. */
async function passWindow(): Promise<void> {
  await env.DB.prepare("UPDATE login_attempts SET window_start = ?").bind(new Date(Date.now() - 16 * 60_000).toISOString()).run();
}

describe("login throttling", () => {
  it(`refuses an account from one network after ${MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK} failures, even with the right password, with retry-after`, async () => {
    const user = await makeUser(env);
    const address = ip();
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK; i++) await fail(user.email, address);
    const refusal = expectRefusal(await login(env, { email: user.email, password: PASSWORD, ip: address }, TRAIL), "TOO_MANY_ATTEMPTS");
    expect(refusal.status).toBe(429);
    const retryAfter = Number(refusal.headers?.["retry-after"]);
    expect(retryAfter).toBeGreaterThan(890);
    expect(retryAfter).toBeLessThanOrEqual(900);
    await passWindow();
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: address }, TRAIL));
  });

  it("a guesser's failures do not lock the owner out from another network", async () => {
    const user = await makeUser(env);
    const attacker = ip();
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK + 2; i++) {
      const result = await login(env, { email: user.email, password: `guess ${i} guess`, ip: attacker }, TRAIL);
      expectRefusal(result, i < MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK ? "INVALID_CREDENTIALS" : "TOO_MANY_ATTEMPTS");
    }
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: ip() }, TRAIL));
  });

  it(`IPv6: one /64 is one network (rotating addresses inside it gains nothing)`, async () => {
    const user = await makeUser(env);
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:7`;
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK; i++) await fail(user.email, `${prefix}::${(i + 1).toString(16)}`);
    expectRefusal(await login(env, { email: user.email, password: PASSWORD, ip: `${prefix}:0:0:0:99` }, TRAIL), "TOO_MANY_ATTEMPTS");
  });

  it(`refuses the account from unfamiliar networks after ${MAX_ATTEMPTS_PER_ACCOUNT} attempts from anywhere; a network the owner signed in from still gets in`, async () => {
    const user = await makeUser(env);
    const home = ip();
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: home }, TRAIL));
    // Counting alone (no password check: the limit is the point here), spread over many networks.
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT; i++) expect(await registerLoginAttempt(env, { email: user.email, ip: ip() })).toBeNull();
    expectRefusal(await login(env, { email: user.email, password: PASSWORD, ip: ip() }, TRAIL), "TOO_MANY_ATTEMPTS");
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: home }, TRAIL));
  });

  it("throttles unknown accounts exactly like real ones", async () => {
    const email = uniqueEmail("ghost");
    const address = ip();
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK; i++) await fail(email, address);
    expectRefusal(await login(env, { email, password: "whatever password", ip: address }, TRAIL), "TOO_MANY_ATTEMPTS");
    const another = uniqueEmail("ghost");
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT; i++) expect(await registerLoginAttempt(env, { email: another, ip: ip() })).toBeNull();
    expectRefusal(await login(env, { email: another, password: "whatever password", ip: ip() }, TRAIL), "TOO_MANY_ATTEMPTS");
  });

  it("without a client address the account alone is limited, as before", async () => {
    const user = await makeUser(env);
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK; i++) await fail(user.email, null);
    expectRefusal(await login(env, { email: user.email, password: PASSWORD, ip: null }, TRAIL), "TOO_MANY_ATTEMPTS");
  });

  it("a successful login clears the failures of its account and network", async () => {
    const user = await makeUser(env);
    const address = ip();
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK - 1; i++) await fail(user.email, address);
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: address }, TRAIL));
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK - 1; i++) await fail(user.email, address);
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: address }, TRAIL));
  });

  it(`refuses a network after ${MAX_ATTEMPTS_PER_NETWORK} attempts across accounts; other networks are unaffected`, async () => {
    const address = ip();
    const attempts = Array.from({ length: MAX_ATTEMPTS_PER_NETWORK }, () => login(env, { email: uniqueEmail("spray"), password: "spray password 1", ip: address }, TRAIL));
    for (const result of await Promise.all(attempts)) expectRefusal(result, "INVALID_CREDENTIALS");
    const user = await makeUser(env);
    expectRefusal(await login(env, { email: user.email, password: PASSWORD, ip: address }, TRAIL), "TOO_MANY_ATTEMPTS");
    expectValue(await login(env, { email: user.email, password: PASSWORD, ip: ip() }, TRAIL));
  });

  it("concurrent guesses from one network cannot slip past its limit", async () => {
    const user = await makeUser(env);
    const address = ip();
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => login(env, { email: user.email, password: `guess number ${i}`, ip: address }, TRAIL)));
    const checked = guesses.filter((g) => "code" in g && g.code === "INVALID_CREDENTIALS").length;
    expect(checked).toBe(MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK);
  });

  it("concurrent counting cannot slip past the account-wide limit either", async () => {
    const email = uniqueEmail("burst");
    const results = await Promise.all(Array.from({ length: MAX_ATTEMPTS_PER_ACCOUNT + 10 }, () => registerLoginAttempt(env, { email, ip: ip() })));
    expect(results.filter((r) => r === null)).toHaveLength(MAX_ATTEMPTS_PER_ACCOUNT);
  });
});
