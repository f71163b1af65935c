import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { makeUser, uniqueEmail } from "../../../src/control/auth/test-support";
import { auditRowsOf, controlFetch, controlJson, makePerson, PASSWORD, type ErrorJson, type Person } from "../../helpers/control";

interface UserJson {
  id: string;
  email: string;
  role: string;
  status: string;
  generated_password?: string;
}
interface Page {
  data: UserJson[];
  pagination: { next_cursor: string | null; limit: number };
}

let admin: Person;
beforeAll(async () => {
  admin = await makePerson("admin");
});

const call = <T>(method: string, path: string, body?: unknown): ReturnType<typeof controlJson<T>> => controlJson<T>(method, path, { token: admin.token, body });

describe("users (admin)", () => {
  it("POST /users creates a user (one user.create record); a generated password is shown once and works; emails are unique in any case", async () => {
    const email = uniqueEmail("New");
    const { status, body, response } = await call<UserJson>("POST", "/users", { email, role: "viewer" });
    expect(status).toBe(201);
    expect(body).toMatchObject({ email: email.toLowerCase(), role: "viewer", status: "active" });
    expect(body.generated_password?.length).toBeGreaterThanOrEqual(20);
    const rows = await auditRowsOf(response);
    expect(rows.map((r) => [r.action, r.outcome, r.target_id])).toEqual([["user.create", "ok", body.id]]);
    expect(JSON.stringify(rows)).not.toContain(body.generated_password);
    const login = await controlFetch("POST", "/auth/login", { body: { email, password: body.generated_password } });
    expect(login.status).toBe(200);
    const again = await call<ErrorJson>("POST", "/users", { email: email.toUpperCase(), password: PASSWORD, role: "user" });
    expect([again.status, again.body.error.code]).toEqual([409, "EMAIL_TAKEN"]);
    const chosen = await call<UserJson>("POST", "/users", { email: uniqueEmail(), password: PASSWORD, role: "user" });
    expect([chosen.status, chosen.body.generated_password]).toEqual([201, undefined]);
  });

  it("GET /users filters by role, status and email substring, and pages by cursor", async () => {
    const tag = `flt${crypto.randomUUID().slice(0, 8)}`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await makeUser(env, { role: "viewer", email: uniqueEmail(tag) }));
    await makeUser(env, { role: "user", email: uniqueEmail(tag) });
    await makeUser(env, { role: "viewer", email: uniqueEmail(tag), status: "suspended" });
    const first = await call<Page>("GET", `/users?q=${tag.toUpperCase()}&role=viewer&status=active&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    const second = await call<Page>("GET", `/users?q=${tag}&role=viewer&status=active&limit=2&cursor=${first.body.pagination.next_cursor ?? ""}`);
    expect(second.body.data).toHaveLength(1);
    expect(second.body.pagination.next_cursor).toBeNull();
    expect([...first.body.data, ...second.body.data].map((u) => u.id).sort()).toEqual(made.map((u) => u.id).sort());
    const all = await call<Page>("GET", `/users?q=${tag}`);
    expect(all.body.data.map((u) => u.status).sort()).toEqual(["active", "active", "active", "active", "suspended"]);
    expect(JSON.stringify(all.body)).not.toMatch(/scrypt|password|session_version/);
    expect((await call<ErrorJson>("GET", "/users?status=gone")).status).toBe(400);
    expect((await call<ErrorJson>("GET", "/users?cursor=garbage")).status).toBe(400);
  });

  it("GET /users/:id; unknown ids are NOT_FOUND", async () => {
    const user = await makeUser(env);
    expect((await call<UserJson>("GET", `/users/${user.id}`)).body).toMatchObject({ id: user.id, email: user.email, status: "active" });
    expect((await call<ErrorJson>("GET", "/users/usr_nobody")).status).toBe(404);
  });

  it("PATCH /users/:id changes the email only: role, status or password in the body are refused, never applied (mass assignment)", async () => {
    const user = await makeUser(env, { role: "viewer" });
    for (const smuggled of [{ role: "admin" }, { email: uniqueEmail(), role: "admin" }, { status: "active" }, { password: "another long password" }]) {
      const res = await call<ErrorJson>("PATCH", `/users/${user.id}`, smuggled);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_ERROR");
      expect(Object.keys(res.body.error.fields ?? {}).some((field) => field !== "email")).toBe(true);
      expect((await auditRowsOf(res.response)).map((r) => r.outcome)).toEqual(["failed"]);
    }
    expect((await call<UserJson>("GET", `/users/${user.id}`)).body).toMatchObject({ role: "viewer", email: user.email });
    const email = uniqueEmail("renamed");
    const ok = await call<UserJson>("PATCH", `/users/${user.id}`, { email });
    expect([ok.status, ok.body.email]).toEqual([200, email]);
    expect((await auditRowsOf(ok.response)).map((r) => [r.action, r.outcome])).toEqual([["user.update", "ok"]]);
    const taken = await call<ErrorJson>("PATCH", `/users/${user.id}`, { email: admin.user.email.toUpperCase() });
    expect([taken.status, taken.body.error.code]).toEqual([409, "EMAIL_TAKEN"]);
  });

  it("PUT /users/:id/role, suspend, activate: each writes its one record; not on yourself", async () => {
    const user = await makeUser(env);
    for (const [method, path, body, action] of [
      ["PUT", `/users/${user.id}/role`, { role: "admin" }, "user.change_role"],
      ["POST", `/users/${user.id}/suspend`, undefined, "user.suspend"],
      ["POST", `/users/${user.id}/suspend`, undefined, "user.suspend"],
      ["POST", `/users/${user.id}/activate`, undefined, "user.activate"],
    ] as const) {
      const res = await call<UserJson>(method, path, body);
      expect(res.status, path).toBe(200);
      expect((await auditRowsOf(res.response)).map((r) => [r.action, r.outcome])).toEqual([[action, "ok"]]);
    }
    expect((await call<UserJson>("GET", `/users/${user.id}`)).body).toMatchObject({ role: "admin", status: "active" });
    for (const [method, path, body] of [["PUT", `/users/${admin.id}/role`, { role: "user" }], ["POST", `/users/${admin.id}/suspend`, undefined]] as const) {
      const res = await call<ErrorJson>(method, path, body);
      expect([res.status, res.body.error.code]).toEqual([409, "SELF_ACTION_FORBIDDEN"]);
    }
    expect((await call<ErrorJson>("PUT", `/users/${user.id}/role`, { role: "root" })).status).toBe(400);
  });

  it("are for admins only: users and viewers get FORBIDDEN", async () => {
    for (const role of ["user", "viewer"] as const) {
      const person = await makePerson(role);
      const res = await controlJson<ErrorJson>("GET", "/users", { token: person.token });
      expect([res.status, res.body.error.code]).toEqual([403, "FORBIDDEN"]);
      const create = await controlJson<ErrorJson>("POST", "/users", { token: person.token, body: { email: uniqueEmail(), role: "admin" } });
      expect([create.status, create.body.error.code]).toEqual([403, "FORBIDDEN"]);
    }
  });
});
