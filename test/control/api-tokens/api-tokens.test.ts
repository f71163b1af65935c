import { describe, expect, it } from "vitest";
import { controlRegistry } from "../../../src/control/api/registry";
import { hasValidChecksum } from "../../../src/tokens/opaque-token";
import { createTestAgent } from "../../helpers/fixtures";
import { gatewayFetch } from "../../helpers/gateway";
import { auditRowsOf, controlFetch, controlJson, makePerson, type ErrorJson } from "../../helpers/control";

interface TokenJson {
  id: string;
  user_id: string;
  name: string;
  label: string;
  role: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  token?: string;
}

describe("API tokens over HTTP", () => {
  it("create (shown once, one api_token.create record), list (labels only), revoke (refused at once, one api_token.revoke record)", async () => {
    const person = await makePerson("viewer");
    const created = await controlJson<TokenJson>("POST", "/api-tokens", { token: person.token, body: { name: "nightly export", expires_in_days: 30 } });
    expect(created.status).toBe(201);
    const token = created.body.token ?? "";
    expect(token).toMatch(/^apitok_/);
    expect(hasValidChecksum(token, "apitok_")).toBe(true);
    expect(created.body).toMatchObject({ user_id: person.id, name: "nightly export", role: null, revoked_at: null, label: `${token.slice(0, 11)}…` });
    const createdRows = await auditRowsOf(created.response);
    expect(createdRows.map((r) => [r.action, r.outcome, r.target_id])).toEqual([["api_token.create", "ok", created.body.id]]);
    expect(JSON.stringify(createdRows)).not.toContain(token.slice(11));
    expect((await controlFetch("GET", "/auth/me", { token })).status).toBe(200);

    const listed = await controlJson<{ data: TokenJson[] }>("GET", "/api-tokens", { token: person.token });
    expect(listed.body.data.map((t) => t.id)).toEqual([created.body.id]);
    expect(JSON.stringify(listed.body)).not.toContain(token.slice(11));

    const revoked = await controlJson<TokenJson>("DELETE", `/api-tokens/${created.body.id}`, { token: person.token });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).not.toBeNull();
    expect((await auditRowsOf(revoked.response)).map((r) => [r.action, r.outcome])).toEqual([["api_token.revoke", "ok"]]);
    const refused = await controlJson<ErrorJson>("GET", "/auth/me", { token });
    expect([refused.status, refused.body.error.code]).toEqual([401, "INVALID_TOKEN"]);
  });

  it("a token is capped at its creator's role, acts with its cap, and cannot mint further tokens", async () => {
    const person = await makePerson("user");
    const above = await controlJson<ErrorJson>("POST", "/api-tokens", { token: person.token, body: { name: "x", role: "admin" } });
    expect([above.status, Object.keys(above.body.error.fields ?? {})]).toEqual([400, ["role"]]);
    const capped = await controlJson<TokenJson>("POST", "/api-tokens", { token: person.token, body: { name: "read only", role: "viewer" } });
    const token = capped.body.token ?? "";
    expect((await controlJson<{ effective_role: string }>("GET", "/auth/me", { token })).body.effective_role).toBe("viewer");
    const minted = await controlJson<ErrorJson>("POST", "/api-tokens", { token, body: { name: "child" } });
    expect([minted.status, minted.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const bad = await controlJson<ErrorJson>("POST", "/api-tokens", { token: person.token, body: { name: "", expires_in_days: 0, user_id: "usr_someone" } });
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(["expires_in_days", "name", "user_id"]);
  });

  it("users see and revoke only their own (others' are NOT_FOUND); admins list and revoke anyone's", async () => {
    const [owner, other, admin] = [await makePerson("user"), await makePerson("user"), await makePerson("admin")];
    const mine = await controlJson<TokenJson>("POST", "/api-tokens", { token: owner.token, body: { name: "mine" } });
    const theirs = await controlJson<ErrorJson>("DELETE", `/api-tokens/${mine.body.id}`, { token: other.token });
    expect([theirs.status, theirs.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await controlFetch("GET", "/auth/me", { token: mine.body.token ?? "" })).status).toBe(200);
    expect((await controlJson<{ data: unknown[] }>("GET", "/api-tokens", { token: other.token })).body.data).toEqual([]);
    const peek = await controlJson<ErrorJson>("GET", `/api-tokens?user_id=${owner.id}`, { token: other.token });
    expect([peek.status, peek.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const adminView = await controlJson<{ data: TokenJson[] }>("GET", `/api-tokens?user_id=${owner.id}`, { token: admin.token });
    expect(adminView.body.data.map((t) => t.id)).toEqual([mine.body.id]);
    expect((await controlFetch("DELETE", `/api-tokens/${mine.body.id}`, { token: admin.token })).status).toBe(200);
    expect((await controlFetch("GET", "/auth/me", { token: mine.body.token ?? "" })).status).toBe(401);
  });

  it("pages by cursor, newest first", async () => {
    const person = await makePerson("user");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await controlJson<TokenJson>("POST", "/api-tokens", { token: person.token, body: { name: `t${i}` } })).body.id);
    const first = await controlJson<{ data: TokenJson[]; pagination: { next_cursor: string | null } }>("GET", "/api-tokens?limit=2", { token: person.token });
    const second = await controlJson<{ data: TokenJson[]; pagination: { next_cursor: string | null } }>("GET", `/api-tokens?limit=2&cursor=${first.body.pagination.next_cursor ?? ""}`, { token: person.token });
    expect([...first.body.data, ...second.body.data].map((t) => t.id).sort()).toEqual([...ids].sort());
    expect(second.body.pagination.next_cursor).toBeNull();
  });
});

describe("agent tokens are not control tokens", () => {
  it("an agent token (ic_…) is refused with 401 INVALID_TOKEN on every control route that needs credentials", async () => {
    const agent = await createTestAgent({ budgetUsd: 1 });
    const routes = controlRegistry().routes().filter((route) => route.role !== "public");
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const path = route.path.replace(/:([A-Za-z_]+)/g, "nonexistent");
      const res = await controlFetch(route.method.toUpperCase(), path, { token: agent.token, body: route.body === undefined ? undefined : {} });
      const body = await res.json<ErrorJson>();
      expect([res.status, body.error.code], `${route.method} ${route.path}`).toEqual([401, "INVALID_TOKEN"]);
    }
  });
});

describe("control tokens are not agent tokens", () => {
  it("the gateway refuses API tokens and access tokens", async () => {
    const person = await makePerson("admin");
    const created = await controlJson<TokenJson>("POST", "/api-tokens", { token: person.token, body: { name: "admin script" } });
    for (const token of [created.body.token ?? "", person.token]) {
      const res = await gatewayFetch("/v1/models", { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    }
  });
});
