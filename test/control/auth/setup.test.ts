import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { app } from "../../../src/app";
import { auditRowsOf, controlFetch, PASSWORD } from "../../helpers/control";
import { refusalOf } from "./support";

const SETUP_TOKEN = "an-operator-chosen-setup-token-0123456789";

/** The Worker's app with IRON_SETUP_TOKEN set (the test environment, like a fresh deployment, has none). */
function setupCall(body: unknown, on: Env = { ...env, IRON_SETUP_TOKEN: SETUP_TOKEN }): Promise<Response> {
  const request = new Request("http://gateway.test/api/v1/auth/setup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return Promise.resolve(app.fetch(request, on));
}

beforeEach(async () => {
  await env.DB.batch(["sessions", "api_tokens", "login_attempts", "users"].map((table) => env.DB.prepare(`DELETE FROM ${table}`)));
});

describe("POST /auth/setup (one-time setup flow)", () => {
  it("is disabled without IRON_SETUP_TOKEN: SETUP_DISABLED, recorded, nothing created", async () => {
    const res = await controlFetch("POST", "/auth/setup", { body: { setup_token: SETUP_TOKEN, email: "owner@example.com", password: PASSWORD } });
    expect(await refusalOf(res.clone())).toEqual([403, "SETUP_DISABLED"]);
    expect((await auditRowsOf(res)).map((r) => [r.action, r.outcome])).toEqual([["auth.setup", "failed"]]);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM users").first("n")).toBe(0);
  });

  it("with the secret set: the right token creates the first admin once, who can then log in", async () => {
    expect(await refusalOf(await setupCall({ setup_token: "wrong", email: "owner@example.com", password: PASSWORD }))).toEqual([401, "INVALID_CREDENTIALS"]);
    const created = await setupCall({ setup_token: SETUP_TOKEN, email: "Owner@Example.com", password: PASSWORD });
    expect(created.status).toBe(201);
    const admin = await created.clone().json<{ id: string; email: string; role: string }>();
    expect(admin).toMatchObject({ email: "owner@example.com", role: "admin", status: "active" });
    expect((await auditRowsOf(created)).map((r) => [r.action, r.outcome, r.target_id])).toEqual([["auth.setup", "ok", admin.id]]);
    expect(await refusalOf(await setupCall({ setup_token: SETUP_TOKEN, email: "late@example.com", password: PASSWORD }))).toEqual([409, "SETUP_COMPLETED"]);
    const login = await controlFetch("POST", "/auth/login", { body: { email: "owner@example.com", password: PASSWORD } });
    expect(login.status).toBe(200);
  });

  it("with a secret too short to be safe, stays disabled", async () => {
    const short = "short-token";
    expect(await refusalOf(await setupCall({ setup_token: short, email: "owner@example.com", password: PASSWORD }, { ...env, IRON_SETUP_TOKEN: short }))).toEqual([403, "SETUP_DISABLED"]);
  });
});
