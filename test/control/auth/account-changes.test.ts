import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { makeUser } from "../../../src/control/auth/test-support";
import { auditRowsOf, controlFetch, controlJson, makePerson, PASSWORD } from "../../helpers/control";
import { loginCall, loginOk, refusalOf, type SessionJson } from "./support";

const NEW_PASSWORD = "a completely new passphrase";
const me = (token: string): Promise<Response> => controlFetch("GET", "/auth/me", { token });

async function apiTokenOf(accessToken: string, body: Record<string, unknown> = { name: "script" }): Promise<string> {
  const { status, body: created } = await controlJson<{ token: string }>("POST", "/api-tokens", { token: accessToken, body });
  expect(status).toBe(201);
  return created.token;
}

describe("changes to an account take effect on the very next call", () => {
  it("suspension: sessions end and API tokens are refused at once; activation restores the tokens, not the sessions", async () => {
    const admin = await makePerson("admin");
    const user = await makeUser(env);
    const session = await loginOk(user.email, PASSWORD);
    const apiToken = await apiTokenOf(session.access_token);
    const res = await controlFetch("POST", `/users/${user.id}/suspend`, { token: admin.token });
    expect(res.status).toBe(200);
    expect((await auditRowsOf(res)).map((r) => [r.action, r.outcome, r.target_id])).toEqual([["user.suspend", "ok", user.id]]);
    expect(await refusalOf(await me(session.access_token))).toEqual([401, "SESSION_REVOKED"]);
    expect(await refusalOf(await me(apiToken))).toEqual([401, "INVALID_TOKEN"]);
    expect(await refusalOf(await controlFetch("POST", "/auth/refresh", { body: { refresh_token: session.refresh_token } }))).toEqual([401, "SESSION_REVOKED"]);
    expect((await loginCall(user.email, PASSWORD)).status).toBe(403);
    expect((await controlFetch("POST", `/users/${user.id}/activate`, { token: admin.token })).status).toBe(200);
    expect((await me(apiToken)).status).toBe(200);
    expect(await refusalOf(await me(session.access_token))).toEqual([401, "SESSION_REVOKED"]);
  });

  it("role change: the old access token fails; the next login carries the new role", async () => {
    const admin = await makePerson("admin");
    const user = await makeUser(env, { role: "user" });
    const before = await loginOk(user.email, PASSWORD);
    const res = await controlJson<{ role: string }>("PUT", `/users/${user.id}/role`, { token: admin.token, body: { role: "viewer" } });
    expect([res.status, res.body.role]).toEqual([200, "viewer"]);
    expect(await refusalOf(await me(before.access_token))).toEqual([401, "SESSION_REVOKED"]);
    const after = await loginOk(user.email, PASSWORD);
    expect(after.user.role).toBe("viewer");
    expect(await refusalOf(await controlFetch("POST", "/api-tokens", { token: after.access_token, body: { name: "x", role: "user" } }))).toEqual([400, "VALIDATION_ERROR"]);
  });

  it("own password change: every other session ends at once; the answer is a working session; only the new password logs in", async () => {
    const user = await makeUser(env);
    const [caller, elsewhere] = [await loginOk(user.email, PASSWORD), await loginOk(user.email, PASSWORD)];
    const wrong = await controlJson<{ error: { code: string; fields: Record<string, string> } }>("POST", "/auth/password", { token: caller.access_token, body: { current_password: "not my password!", new_password: NEW_PASSWORD } });
    expect([wrong.status, wrong.body.error.code, wrong.body.error.fields]).toEqual([401, "INVALID_CREDENTIALS", { current_password: "is wrong" }]);
    expect((await me(caller.access_token)).status).toBe(200);
    const weak = await controlJson<{ error: { fields: Record<string, string> } }>("POST", "/auth/password", { token: caller.access_token, body: { current_password: PASSWORD, new_password: "short" } });
    expect([weak.status, Object.keys(weak.body.error.fields)]).toEqual([400, ["new_password"]]);
    const res = await controlFetch("POST", "/auth/password", { token: caller.access_token, body: { current_password: PASSWORD, new_password: NEW_PASSWORD } });
    expect(res.status).toBe(200);
    const rows = await auditRowsOf(res.clone());
    expect(rows.map((r) => [r.action, r.outcome, r.target_id])).toEqual([["auth.change_password", "ok", user.id]]);
    expect(JSON.stringify(rows)).not.toContain(NEW_PASSWORD);
    const fresh = await res.json<SessionJson>();
    expect((await me(fresh.access_token)).status).toBe(200);
    for (const old of [caller, elsewhere]) expect(await refusalOf(await me(old.access_token))).toEqual([401, "SESSION_REVOKED"]);
    expect((await loginCall(user.email, PASSWORD)).status).toBe(401);
    await loginOk(user.email, NEW_PASSWORD);
  });

  it("admin password reset: the user's sessions end; a generated password is shown once and works", async () => {
    const admin = await makePerson("admin");
    const user = await makeUser(env);
    const session = await loginOk(user.email, PASSWORD);
    const res = await controlFetch("POST", `/users/${user.id}/reset-password`, { token: admin.token });
    expect(res.status).toBe(200);
    const body = await res.clone().json<{ generated_password: string }>();
    expect(body.generated_password.length).toBeGreaterThanOrEqual(20);
    const rows = await auditRowsOf(res);
    expect(rows.map((r) => r.action)).toEqual(["user.reset_password"]);
    expect(JSON.stringify(rows)).not.toContain(body.generated_password);
    expect(await refusalOf(await me(session.access_token))).toEqual([401, "SESSION_REVOKED"]);
    await loginOk(user.email, body.generated_password);
    const chosen = await controlJson<Record<string, unknown>>("POST", `/users/${user.id}/reset-password`, { token: admin.token, body: { password: NEW_PASSWORD } });
    expect(chosen.status).toBe(200);
    expect(chosen.body).not.toHaveProperty("generated_password");
    await loginOk(user.email, NEW_PASSWORD);
  });
});

describe("POST /auth/validate and GET /auth/me", () => {
  it("says which tokens the control API accepts, as whom, and why not", async () => {
    const person = await makePerson("admin");
    const capped = await apiTokenOf(person.token, { name: "read only", role: "viewer", expires_in_days: 7 });
    const validate = async (token: string): Promise<Record<string, unknown>> => {
      const res = await controlJson<Record<string, unknown>>("POST", "/auth/validate", { body: { token } });
      expect(res.status).toBe(200);
      expect(await auditRowsOf(res.response)).toEqual([]);
      return res.body;
    };
    expect(await validate(person.token)).toMatchObject({ valid: true, user_id: person.id, role: "admin", via: "session" });
    const api = await validate(capped);
    expect(api).toMatchObject({ valid: true, user_id: person.id, role: "viewer", via: "api_token" });
    expect(Date.parse(String(api.expires_at)) - Date.now()).toBeGreaterThan(6 * 86_400_000);
    expect(await validate(`ic_${"a".repeat(49)}`)).toEqual({ valid: false, reason: "agent_token" });
    expect(await validate("not a token")).toEqual({ valid: false, reason: "invalid" });
    expect(await controlFetch("POST", "/auth/logout", { token: person.token }).then((r) => r.status)).toBe(204);
    expect(await validate(person.token)).toEqual({ valid: false, reason: "revoked" });
    const viewerMe = await controlJson<Record<string, unknown>>("GET", "/auth/me", { token: capped });
    expect(viewerMe.body).toMatchObject({ id: person.id, role: "admin", effective_role: "viewer", via: "api_token" });
    expect(JSON.stringify(viewerMe.body)).not.toMatch(/scrypt|session_version/);
  });
});
