import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRowsOf, controlFetch, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { jsonPost } from "../../helpers/gateway";
import { budgetOf } from "../../helpers/fixtures";
import { httpAgent, mockProviders, plain, uniqueName, type AgentBody } from "./agent-helpers";

let admin: Person;
let owner: Person;
let stranger: Person;
let viewer: Person;
let providers: string[];

beforeAll(async () => {
  [admin, owner, stranger, viewer] = await Promise.all([makePerson("admin"), makePerson("user"), makePerson("user"), makePerson("viewer")]);
  providers = await mockProviders();
});

/** A $1 agent owned by `owner` that can call the mock. */
const ownersAgent = (): Promise<AgentBody> => httpAgent(admin, { owner_id: owner.id, budget_usd: 1, provider_ids: providers });

async function gatewayStatus(token: string): Promise<number> {
  const res = await jsonPost("/v1/chat/completions", token, plain);
  await res.text();
  return res.status;
}

async function expectOneRecord(response: Response, action: string, agentId: string): Promise<void> {
  expect((await auditRowsOf(response)).map((r) => [r.action, r.outcome, r.target_id])).toEqual([[action, "ok", agentId]]);
}

describe("PATCH /agents/:id", () => {
  it("lets the owner rename and re-route their agent, audited once", async () => {
    const agent = await ownersAgent();
    const name = uniqueName("renamed");
    const res = await controlJson<AgentBody>("PATCH", `/agents/${agent.id}`, { token: owner.token, body: { name, allowed_models: ["gpt-4o-mini"], disconnect_policy: "bill_reservation" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name, allowed_models: ["gpt-4o-mini"], disconnect_policy: "bill_reservation", budget_usd: "1.000000" });
    await expectOneRecord(res.response, "agent.update", agent.id);
    const row = await env.DB.prepare("SELECT name, disconnect_policy FROM agents WHERE id = ?").bind(agent.id).first();
    expect(row).toEqual({ name, disconnect_policy: "bill_reservation" });
  });

  it("refuses budget, status and project (no such fields) and owner (admins only) from a user, changing nothing", async () => {
    const agent = await ownersAgent();
    for (const body of [{ budget_usd: 100 }, { status: "active" }, { project_id: "prj_x" }, { name: "x", role: "admin" }]) {
      const res = await controlJson<ErrorJson>("PATCH", `/agents/${agent.id}`, { token: owner.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_ERROR");
    }
    const owned = await controlJson<ErrorJson>("PATCH", `/agents/${agent.id}`, { token: owner.token, body: { owner_id: stranger.id } });
    expect(owned.status).toBe(403);
    expect(Object.keys(owned.body.error.fields ?? {})).toEqual(["owner_id"]);
    const after = await controlJson<AgentBody>("GET", `/agents/${agent.id}`, { token: admin.token });
    expect(after.body).toMatchObject({ owner_id: owner.id, budget_usd: "1.000000", name: agent.name, status: "active" });
  });

  it("lets an admin hand an agent to another user; others get NOT_FOUND and viewers FORBIDDEN", async () => {
    const agent = await ownersAgent();
    expect((await controlJson<ErrorJson>("PATCH", `/agents/${agent.id}`, { token: stranger.token, body: { name: "mine now" } })).status).toBe(404);
    expect((await controlJson<ErrorJson>("PATCH", `/agents/${agent.id}`, { token: viewer.token, body: { name: "mine now" } })).status).toBe(403);
    const moved = await controlJson<AgentBody>("PATCH", `/agents/${agent.id}`, { token: admin.token, body: { owner_id: stranger.id } });
    expect(moved.body.owner_id).toBe(stranger.id);
    expect((await controlFetch("GET", `/agents/${agent.id}`, { token: owner.token })).status).toBe(404);
    expect((await controlFetch("GET", `/agents/${agent.id}`, { token: stranger.token })).status).toBe(200);
  });
});

describe("agent tokens", () => {
  it("regenerate: the old token is refused on the very next gateway call, the new one works", async () => {
    const agent = await ownersAgent();
    expect(await gatewayStatus(agent.token)).toBe(200);
    const res = await controlJson<{ token: string; token_label: string; agent_id: string }>("POST", `/agents/${agent.id}/token`, { token: owner.token });
    expect(res.status).toBe(201);
    expect(res.body.token).not.toBe(agent.token);
    expect(res.body.token_label).toBe(`${res.body.token.slice(0, 7)}…`);
    await expectOneRecord(res.response, "agent.regenerate_token", agent.id);
    expect(JSON.stringify(await auditRowsOf(res.response))).not.toContain(res.body.token);
    expect(await gatewayStatus(agent.token)).toBe(401);
    expect(await gatewayStatus(res.body.token)).toBe(200);
    const read = await controlJson<AgentBody>("GET", `/agents/${agent.id}`, { token: owner.token });
    expect(read.body.token_label).toBe(res.body.token_label);
  });

  it("revoke: refused at once at the gateway; a second revoke is a CONFLICT; POST issues a new token", async () => {
    const agent = await ownersAgent();
    expect(await gatewayStatus(agent.token)).toBe(200);
    const res = await controlFetch("DELETE", `/agents/${agent.id}/token`, { token: owner.token });
    expect(res.status).toBe(204);
    await expectOneRecord(res, "agent.revoke_token", agent.id);
    expect(await gatewayStatus(agent.token)).toBe(401);
    expect((await controlJson<AgentBody>("GET", `/agents/${agent.id}`, { token: owner.token })).body.token_label).toBeNull();
    expect((await controlJson<ErrorJson>("DELETE", `/agents/${agent.id}/token`, { token: owner.token })).body.error.code).toBe("CONFLICT");
    const issued = await controlJson<{ token: string }>("POST", `/agents/${agent.id}/token`, { token: admin.token });
    expect(await gatewayStatus(issued.body.token)).toBe(200);
  });

  it("another user cannot regenerate or revoke (NOT_FOUND), and the token keeps working", async () => {
    const agent = await ownersAgent();
    expect((await controlFetch("POST", `/agents/${agent.id}/token`, { token: stranger.token })).status).toBe(404);
    expect((await controlFetch("DELETE", `/agents/${agent.id}/token`, { token: stranger.token })).status).toBe(404);
    expect((await controlFetch("DELETE", `/agents/${agent.id}/token`, { token: viewer.token })).status).toBe(403);
    expect(await gatewayStatus(agent.token)).toBe(200);
  });
});

describe("suspend, activate, delete", () => {
  it("suspend: the gateway refuses at once; only an admin reactivates", async () => {
    const agent = await ownersAgent();
    expect(await gatewayStatus(agent.token)).toBe(200);
    const res = await controlJson<AgentBody>("POST", `/agents/${agent.id}/suspend`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("suspended");
    await expectOneRecord(res.response, "agent.suspend", agent.id);
    const refused = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect(refused.status).toBe(403);
    expect((await refused.json<{ error: { code: string } }>()).error.code).toBe("agent_suspended");
    expect((await controlFetch("POST", `/agents/${agent.id}/activate`, { token: owner.token })).status).toBe(403);
    const active = await controlJson<AgentBody>("POST", `/agents/${agent.id}/activate`, { token: admin.token });
    expect(active.body.status).toBe("active");
    await expectOneRecord(active.response, "agent.activate", agent.id);
    expect(await gatewayStatus(agent.token)).toBe(200);
  });

  it("delete: revokes the token, closes the budget object, and the agent can no longer be changed", async () => {
    const agent = await ownersAgent();
    const res = await controlFetch("DELETE", `/agents/${agent.id}`, { token: owner.token });
    expect(res.status).toBe(204);
    await expectOneRecord(res, "agent.delete", agent.id);
    expect(await gatewayStatus(agent.token)).toBe(401);
    expect((await budgetOf(agent.id)).status).toBe("deleted");
    const read = await controlJson<AgentBody>("GET", `/agents/${agent.id}`, { token: owner.token });
    expect(read.body).toMatchObject({ status: "deleted", token_label: null });
    for (const [method, path] of [["DELETE", ""], ["POST", "/token"], ["POST", "/activate"], ["POST", "/suspend"]] as const) {
      const again = await controlJson<ErrorJson>(method, `/agents/${agent.id}${path}`, { token: admin.token });
      expect(again.body.error.code, `${method} ${path}`).toBe("CONFLICT");
    }
  });
});
