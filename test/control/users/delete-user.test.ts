import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { deleteUser } from "../../../src/control/auth/delete-user";
import { createApiToken } from "../../../src/control/auth/create-api-token";
import { expectRefusal, expectValue, makeUser, TRAIL } from "../../../src/control/auth/test-support";
import { auditRowsOf, controlFetch, controlJson, makePerson, PASSWORD, type ErrorJson } from "../../helpers/control";

async function agentOwnedBy(ownerId: string): Promise<string> {
  const id = `agt_${crypto.randomUUID().replace(/-/g, "")}`;
  const now = new Date().toISOString();
  await env.DB.prepare("INSERT INTO agents (id, name, owner_id, status, budget_micros, created_at, updated_at) VALUES (?, ?, ?, 'active', 0, ?, ?)").bind(id, id, ownerId, now, now).run();
  return id;
}

async function ownerOf(agentId: string): Promise<unknown> {
  return env.DB.prepare("SELECT owner_id FROM agents WHERE id = ?").bind(agentId).first("owner_id");
}

describe("DELETE /users/:id", () => {
  it("reassigns the user's agents to the deleting admin, ends sessions, revokes API tokens, frees the email — one user.delete record", async () => {
    const admin = await makePerson("admin");
    const victim = await makePerson("user");
    const agents = [await agentOwnedBy(victim.id), await agentOwnedBy(victim.id)];
    const api = expectValue(await createApiToken(env, { userId: victim.id, name: "ci" }, TRAIL));
    const res = await controlJson<{ id: string; status: string; reassigned_to: string; reassigned: Record<string, number> }>("DELETE", `/users/${victim.id}`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: victim.id, status: "deleted", reassigned_to: admin.id, reassigned: { agents: 2 } });
    const rows = await auditRowsOf(res.response);
    expect(rows.map((r) => [r.action, r.outcome, r.target_id])).toEqual([["user.delete", "ok", victim.id]]);
    expect(JSON.parse(rows[0]?.before ?? "{}")).toMatchObject({ email: victim.user.email, status: "active" });
    for (const agent of agents) expect(await ownerOf(agent)).toBe(admin.id);
    expect((await controlFetch("GET", "/auth/me", { token: victim.token })).status).toBe(401);
    expect((await controlFetch("GET", "/auth/me", { token: api.token })).status).toBe(401);
    expect(await env.DB.prepare("SELECT revoked_at FROM api_tokens WHERE id = ?").bind(api.apiToken.id).first("revoked_at")).not.toBeNull();
    expect((await controlFetch("POST", "/auth/login", { body: { email: victim.user.email, password: PASSWORD } })).status).toBe(401);
    const kept = await controlJson<{ status: string; email: string }>("GET", `/users/${victim.id}`, { token: admin.token });
    expect(kept.body.status).toBe("deleted");
    expect(kept.body.email).not.toBe(victim.user.email);
    const reused = await controlJson<{ id: string }>("POST", "/users", { token: admin.token, body: { email: victim.user.email, password: PASSWORD, role: "user" } });
    expect(reused.status).toBe(201);
    expect(reused.body.id).not.toBe(victim.id);
    const twice = await controlJson<ErrorJson>("DELETE", `/users/${victim.id}`, { token: admin.token });
    expect([twice.status, twice.body.error.code]).toEqual([404, "NOT_FOUND"]);
    const listed = await controlJson<{ data: { id: string }[] }>("GET", `/users?q=${encodeURIComponent(victim.id.toLowerCase())}&status=deleted`, { token: admin.token });
    expect(listed.body.data.map((u) => u.id)).toEqual([victim.id]);
  });

  it("reassigns to `reassign_to` when given; refuses an heir that is unknown, deleted or the user itself", async () => {
    const admin = await makePerson("admin");
    const victim = await makeUser(env);
    const heir = await makeUser(env, { role: "viewer" });
    const gone = await makeUser(env, { status: "deleted" });
    const agent = await agentOwnedBy(victim.id);
    for (const bad of ["usr_nobody", gone.id, victim.id]) {
      const res = await controlJson<ErrorJson>("DELETE", `/users/${victim.id}?reassign_to=${bad}`, { token: admin.token });
      expect([res.status, Object.keys(res.body.error.fields ?? {})]).toEqual([400, ["query.reassign_to"]]);
    }
    expect(await ownerOf(agent)).toBe(victim.id);
    const res = await controlJson<{ reassigned_to: string }>("DELETE", `/users/${victim.id}?reassign_to=${heir.id}`, { token: admin.token });
    expect([res.status, res.body.reassigned_to]).toEqual([200, heir.id]);
    expect(await ownerOf(agent)).toBe(heir.id);
  });

  it("refuses deleting yourself (SELF_ACTION_FORBIDDEN), recorded as failed", async () => {
    const admin = await makePerson("admin");
    const res = await controlFetch("DELETE", `/users/${admin.id}`, { token: admin.token });
    expect(res.status).toBe(409);
    expect((await res.clone().json<ErrorJson>()).error.code).toBe("SELF_ACTION_FORBIDDEN");
    expect((await auditRowsOf(res)).map((r) => [r.action, r.outcome])).toEqual([["user.delete", "failed"]]);
    expect((await controlFetch("GET", "/auth/me", { token: admin.token })).status).toBe(200);
  });

  it("never deletes the last active admin: two admins deleting each other at once, one survives", async () => {
    await env.DB.prepare("UPDATE users SET status = 'deleted', email = id || '@deleted.invalid' WHERE role = 'admin'").run();
    const [a, b] = [await makePerson("admin"), await makePerson("admin")];
    const answers = await Promise.all([controlFetch("DELETE", `/users/${b.id}`, { token: a.token }), controlFetch("DELETE", `/users/${a.id}`, { token: b.token })]);
    const statuses = await Promise.all(answers.map(async (r) => `${r.status} ${r.status === 200 ? "" : (await r.json<ErrorJson>()).error.code}`.trim()));
    expect(statuses.filter((s) => s === "200")).toHaveLength(1);
    expect(statuses.filter((s) => s !== "200")[0]).toMatch(/^(409 LAST_ADMIN|401 SESSION_REVOKED)$/);
    const admins = await env.DB.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND status = 'active'").first("n");
    expect(admins).toBe(1);
    // And without the race: an admin whose own account is no longer an active admin cannot remove the last one.
    const survivor = statuses[0] === "200" ? a : b;
    expectRefusal(await deleteUser(env, { userId: "usr_formeradmin", role: "admin" }, survivor.id, null, TRAIL), "VALIDATION_ERROR");
    const heir = await makeUser(env);
    expectRefusal(await deleteUser(env, { userId: heir.id, role: "admin" }, survivor.id, heir.id, TRAIL), "LAST_ADMIN");
  });
});
