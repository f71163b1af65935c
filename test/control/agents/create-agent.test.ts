import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRowsOf, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { jsonPost } from "../../helpers/gateway";
import { budgetOf } from "../../helpers/fixtures";
import { httpAgent, mockProviders, plain, uniqueName, type AgentBody } from "./agent-helpers";

let admin: Person;
let user: Person;
let providers: string[];

beforeAll(async () => {
  [admin, user] = await Promise.all([makePerson("admin"), makePerson("user")]);
  providers = await mockProviders();
});

describe("POST /agents", () => {
  it("returns the agent token once; reads never show it; it works at the gateway", async () => {
    const res = await controlJson<AgentBody>("POST", "/agents", { token: admin.token, body: { name: uniqueName("a"), budget_usd: "2.5", provider_ids: providers } });
    expect(res.status).toBe(201);
    const agent = res.body;
    expect(agent.token).toMatch(/^ic_[0-9A-Za-z]+$/);
    expect(agent.token_label).toBe(`${agent.token.slice(0, 7)}…`);
    expect(agent).toMatchObject({ budget_usd: "2.500000", spent_usd: "0.000000", remaining_usd: "2.500000", status: "active", owner_id: admin.id, risk_level: "low" });

    const read = await controlJson<Record<string, unknown>>("GET", `/agents/${agent.id}`, { token: admin.token });
    expect(read.status).toBe(200);
    expect(read.body.token).toBeUndefined();
    expect(JSON.stringify(read.body)).not.toContain(agent.token);
    expect(read.body.token_label).toBe(agent.token_label);

    const call = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect(call.status).toBe(200);
    await call.text();
  });

  it("writes one agent.create audit record without the token, and a `create` budget history row", async () => {
    const res = await controlJson<AgentBody>("POST", "/agents", { token: admin.token, body: { name: uniqueName("a"), budget_usd: 3 } });
    const rows = await auditRowsOf(res.response);
    expect(rows.map((r) => [r.action, r.outcome, r.target_id])).toEqual([["agent.create", "ok", res.body.id]]);
    expect(JSON.stringify(rows)).not.toContain(res.body.token);
    const history = await env.DB.prepare("SELECT old_micros, new_micros, source, actor_id FROM budget_changes WHERE target_id = ?").bind(res.body.id).all();
    expect(history.results).toEqual([{ old_micros: null, new_micros: 3_000_000, source: "create", actor_id: admin.id }]);
    expect((await budgetOf(res.body.id)).budgetMicros).toBe(3_000_000);
  });

  it("lets a user create an agent with no budget, owned by the user", async () => {
    const agent = await httpAgent(user, { provider_ids: providers, budget_usd: 0, allowed_models: ["gpt-4o-mini"] });
    expect(agent).toMatchObject({ owner_id: user.id, budget_usd: "0.000000", allowed_models: ["gpt-4o-mini"], risk_level: "exhausted" });
    // No budget: the gateway refuses for budget, not for the token.
    const call = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect(call.status).toBe(429);
    expect((await call.json<{ error: { code: string } }>()).error.code).toBe("budget_exceeded");
  });

  it("refuses, naming each field, a user who sets a budget, another owner, a project or limits (mass assignment)", async () => {
    const name = uniqueName("smuggled");
    const res = await controlJson<ErrorJson>("POST", "/agents", {
      token: user.token,
      body: { name, budget_usd: "5", owner_id: admin.id, project_id: "prj_x", rate_limits: { requests_per_minute: null, tokens_per_minute: null, concurrent_requests: null } },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("FORBIDDEN");
    expect(Object.keys(res.body.error.fields ?? {}).sort()).toEqual(["budget_usd", "owner_id", "project_id", "rate_limits"]);
    const unknown = await controlJson<ErrorJson>("POST", "/agents", { token: user.token, body: { name, role: "admin", status: "active" } });
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.error.fields ?? {}).sort()).toEqual(["role", "status"]);
    const created = await env.DB.prepare("SELECT COUNT(*) AS n FROM agents WHERE name = ?").bind(name).first<{ n: number }>();
    expect(created?.n).toBe(0);
    // The refusal is audited once by the mounter, as failed/denied, never as a success.
    expect((await auditRowsOf(res.response)).map((r) => [r.action, r.outcome])).toEqual([["agent.create", "denied"]]);
  });

  it("lets an admin create for another user; refuses unknown owners, providers and projects as validation errors", async () => {
    const agent = await httpAgent(admin, { owner_id: user.id, budget_usd: 1 });
    expect(agent.owner_id).toBe(user.id);
    const mine = await controlJson<AgentBody>("GET", `/agents/${agent.id}`, { token: user.token });
    expect(mine.status).toBe(200);
    for (const [field, value] of [["owner_id", "usr_nobody"], ["provider_ids", ["prov_nobody"]], ["project_id", "prj_nobody"]] as const) {
      const res = await controlJson<ErrorJson>("POST", "/agents", { token: admin.token, body: { name: uniqueName("bad"), [field]: value } });
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {}), field).toEqual([field]);
    }
  });

  it("sets rate limits and disconnect policy at creation (admin)", async () => {
    const limits = { requests_per_minute: 5, tokens_per_minute: null, concurrent_requests: 2 };
    const agent = await httpAgent(admin, { rate_limits: limits, disconnect_policy: "bill_reservation" });
    expect(agent.rate_limits).toEqual(limits);
    expect(agent.disconnect_policy).toBe("bill_reservation");
  });
});
