import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../../../src/control/auth/password-hash";
import { MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK, MAX_ATTEMPTS_PER_NETWORK } from "../../../src/control/auth/throttle-keys";
import { makeUser, uniqueEmail } from "../../../src/control/auth/test-support";
import { auditRowsOf, controlFetch, controlJson, PASSWORD } from "../../helpers/control";
import { freshIp, loginCall, loginOk } from "./support";

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

describe("POST /auth/login", () => {
  it("returns a session for the right password; its access token works at once; one auth.login record", async () => {
    const user = await makeUser(env, { role: "viewer" });
    const { status, body, response } = await loginCall(`  ${user.email.toUpperCase()} `, PASSWORD);
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: "Bearer", user: { id: user.id, email: user.email, role: "viewer" } });
    expect(body.refresh_token).toMatch(/^irt_/);
    expect(Date.parse(body.access_token_expires_at) - Date.now()).toBeLessThanOrEqual(600_000);
    expect(Date.parse(body.refresh_token_expires_at) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const rows = await auditRowsOf(response);
    expect(rows.map((r) => [r.action, r.outcome, r.actor_id])).toEqual([["auth.login", "ok", user.id]]);
    expect(JSON.stringify(rows)).not.toContain(body.refresh_token);
    const me = await controlJson<{ id: string; via: string }>("GET", "/auth/me", { token: body.access_token });
    expect([me.status, me.body.id, me.body.via]).toEqual([200, user.id, "session"]);
  });

  it("answers an unknown email and a wrong password identically (status, body, record), after the same work", async () => {
    const user = await makeUser(env);
    const [wrong, wrongMs] = await timed(() => controlFetch("POST", "/auth/login", { body: { email: user.email, password: "not the password!" }, headers: { "cf-connecting-ip": freshIp() } }));
    const [unknown, unknownMs] = await timed(() => controlFetch("POST", "/auth/login", { body: { email: uniqueEmail("ghost"), password: "not the password!" }, headers: { "cf-connecting-ip": freshIp() } }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [wrongText, unknownText] = [await wrong.clone().text(), await unknown.clone().text()];
    expect(wrongText).toBe(unknownText);
    expect(JSON.parse(wrongText)).toEqual({ error: { code: "INVALID_CREDENTIALS", message: "Invalid email or password." } });
    const headerNames = (r: Response): string[] => [...r.headers.keys()].filter((name) => name !== "x-request-id").sort();
    expect(headerNames(wrong)).toEqual(headerNames(unknown));
    for (const response of [wrong, unknown]) {
      const rows = await auditRowsOf(response);
      expect(rows.map((r) => [r.action, r.outcome, r.actor_id])).toEqual([["auth.login", "denied", null]]);
      expect(JSON.parse(rows[0]?.after ?? "{}")).toMatchObject({ error: "INVALID_CREDENTIALS", path: "/api/v1/auth/login" });
      // The typed email is not stored: people type passwords into it.
      expect(JSON.stringify(rows)).not.toMatch(/@example\.test/);
    }
    // Only the records tell them apart: a wrong password names the account it was tried on.
    expect((await auditRowsOf(wrong)).map((r) => [r.target_type, r.target_id])).toEqual([["user", user.id]]);
    expect((await auditRowsOf(unknown)).map((r) => r.target_id)).toEqual([null]);
    // One scrypt verify dominates both; a path that skipped it would take a few milliseconds.
    const [, hashMs] = await timed(() => hashPassword("calibration password"));
    expect(wrongMs).toBeGreaterThan(hashMs * 0.5);
    expect(unknownMs).toBeGreaterThan(hashMs * 0.5);
  });

  it("tells a suspended account so only after the right password", async () => {
    const user = await makeUser(env, { status: "suspended" });
    const wrong = await loginCall(user.email, "not the password!");
    expect([wrong.status, wrong.body.error.code]).toEqual([401, "INVALID_CREDENTIALS"]);
    const { status, body } = await loginCall(user.email, PASSWORD);
    expect([status, body.error.code]).toEqual([403, "ACCOUNT_SUSPENDED"]);
  });

  it("has no default credentials", async () => {
    for (const [email, password] of [["admin@iron.local", "admin"], ["admin@example.com", "password"], ["admin", "admin"]]) {
      const { status } = await loginCall(email ?? "", password ?? "");
      expect(status).toBe(401);
    }
  });

  it("refuses malformed input as VALIDATION_ERROR, with every field named", async () => {
    const { status, body } = await controlJson<{ error: { code: string; fields: Record<string, string> } }>("POST", "/auth/login", { body: { email: "", role: "admin" } });
    expect([status, body.error.code]).toEqual([400, "VALIDATION_ERROR"]);
    expect(Object.keys(body.error.fields).sort()).toEqual(["email", "password", "role"]);
  });
});

describe("login throttling over HTTP (cf-connecting-ip)", () => {
  it(`locks an account for one network after ${MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK} failures (429 + retry-after); the owner elsewhere still gets in`, async () => {
    const user = await makeUser(env);
    const attacker = freshIp();
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK; i++) expect((await loginCall(user.email, `guess ${i} guess`, attacker)).status).toBe(401);
    const locked = await loginCall(user.email, PASSWORD, attacker);
    expect([locked.status, locked.body.error.code]).toEqual([429, "TOO_MANY_ATTEMPTS"]);
    const retryAfter = Number(locked.response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect((await auditRowsOf(locked.response)).map((r) => [r.action, r.outcome])).toEqual([["auth.login", "denied"]]);
    await loginOk(user.email, PASSWORD, freshIp());
  });

  it(`locks a network after ${MAX_ATTEMPTS_PER_NETWORK} attempts across accounts`, async () => {
    const sprayer = freshIp();
    const attempts = await Promise.all(Array.from({ length: MAX_ATTEMPTS_PER_NETWORK }, () => loginCall(uniqueEmail("spray"), "spray password 1", sprayer)));
    expect(attempts.map((a) => a.status)).toEqual(Array<number>(MAX_ATTEMPTS_PER_NETWORK).fill(401));
    const user = await makeUser(env);
    const refused = await loginCall(user.email, PASSWORD, sprayer);
    expect([refused.status, refused.body.error.code]).toEqual([429, "TOO_MANY_ATTEMPTS"]);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    await loginOk(user.email, PASSWORD, freshIp());
  });
});
