import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRowsOf, controlFetch, controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { jsonPost } from "../../helpers/gateway";
import { budgetOf, settled } from "../../helpers/fixtures";
import { microsToUsd } from "../../../src/pricing/cost";
import { httpAgent, mockProviders, plain } from "../agents/agent-helpers";

interface Limits {
  agent_id: string;
  budget_usd: string;
  spent_usd: string;
  remaining_usd: string;
  previous_budget_usd?: string;
  rate_limits: { requests_per_minute: number | null; tokens_per_minute: number | null; concurrent_requests: number | null };
  disconnect_policy: string;
}

let admin: Person;
let owner: Person;
let stranger: Person;
let viewer: Person;
let providers: string[];

beforeAll(async () => {
  [admin, owner, stranger, viewer] = await Promise.all([makePerson("admin"), makePerson("user"), makePerson("user"), makePerson("viewer")]);
  providers = await mockProviders();
});

/** An agent of `owner` with `budget` USD that has spent something real at the gateway. */
async function spentAgent(budget: number): Promise<{ id: string; token: string; spent: number }> {
  const agent = await httpAgent(admin, { owner_id: owner.id, budget_usd: budget, provider_ids: providers });
  const call = await jsonPost("/v1/chat/completions", agent.token, plain);
  expect(call.status).toBe(200);
  await call.text();
  return { id: agent.id, token: agent.token, spent: (await settled(agent.id)).spentMicros };
}

const history = async (agentId: string) =>
  (await env.DB.prepare("SELECT old_micros, new_micros, source, reason FROM budget_changes WHERE target_id = ? AND source != 'create' ORDER BY at").bind(agentId).all()).results;

describe("GET /limits/agents/:id", () => {
  it("shows the budget with live figures, rate limits and policy to owner, viewer and admin; NOT_FOUND to others", async () => {
    const agent = await spentAgent(1);
    for (const who of [owner, viewer, admin]) {
      const res = await controlJson<Limits>("GET", `/limits/agents/${agent.id}`, { token: who.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ agent_id: agent.id, budget_usd: "1.000000", spent_usd: microsToUsd(agent.spent), remaining_usd: microsToUsd(1_000_000 - agent.spent), disconnect_policy: "drain" });
      expect(res.body.rate_limits).toEqual({ requests_per_minute: null, tokens_per_minute: null, concurrent_requests: null });
    }
    expect((await controlFetch("GET", `/limits/agents/${agent.id}`, { token: stranger.token })).status).toBe(404);
  });
});

describe("PUT /limits/agents/:id/budget", () => {
  it("refuses a decrease without force with CONFIRMATION_REQUIRED and a preview, changing nothing", async () => {
    const agent = await spentAgent(1);
    const res = await controlJson<ErrorJson>("PUT", `/limits/agents/${agent.id}/budget`, { token: admin.token, body: { budget_usd: "0.000001" } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("CONFIRMATION_REQUIRED");
    expect(res.body.error.details).toMatchObject({
      agent_id: agent.id,
      current_budget_usd: "1.000000",
      new_budget_usd: "0.000001",
      spent_usd: microsToUsd(agent.spent),
      reserved_usd: "0.000000",
      leased_out_usd: "0.000000",
      remaining_usd: microsToUsd(1_000_000 - agent.spent),
      remaining_after_usd: "0.000000",
      exhausted_after: true,
      blocked_after: true,
      open_leases: 0,
    });
    // Unchanged: in D1, in the budget object, and at the gateway; no history row; the refusal audited once as failed.
    expect((await controlJson<Limits>("GET", `/limits/agents/${agent.id}`, { token: admin.token })).body.budget_usd).toBe("1.000000");
    expect((await budgetOf(agent.id)).budgetMicros).toBe(1_000_000);
    const call = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect(call.status).toBe(200);
    await call.text();
    expect(await history(agent.id)).toEqual([]);
    expect((await auditRowsOf(res.response)).map((r) => [r.action, r.outcome])).toEqual([["limit.set_agent_budget", "failed"]]);
  });

  it("applies a decrease with force: the gateway refuses for budget at once, and the history keeps the reason", async () => {
    const agent = await spentAgent(1);
    const res = await controlJson<Limits>("PUT", `/limits/agents/${agent.id}/budget`, { token: admin.token, body: { budget_usd: "0.000001", force: true, reason: "incident 42" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ budget_usd: "0.000001", previous_budget_usd: "1.000000", remaining_usd: "0.000000" });
    expect((await auditRowsOf(res.response)).map((r) => [r.action, r.outcome, r.target_id])).toEqual([["limit.set_agent_budget", "ok", agent.id]]);
    expect(await history(agent.id)).toEqual([{ old_micros: 1_000_000, new_micros: 1, source: "limit_set", reason: "incident 42" }]);
    const call = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect(call.status).toBe(429);
    expect((await call.json<{ error: { code: string } }>()).error.code).toBe("budget_exceeded");
  });

  it("applies an increase without force, at once at the gateway", async () => {
    const agent = await httpAgent(admin, { owner_id: owner.id, budget_usd: 0, provider_ids: providers });
    const before = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect(before.status).toBe(429);
    await before.text();
    const res = await controlJson<Limits>("PUT", `/limits/agents/${agent.id}/budget`, { token: admin.token, body: { budget_usd: 2 } });
    expect(res.status).toBe(200);
    expect(res.body.budget_usd).toBe("2.000000");
    expect(await history(agent.id)).toEqual([{ old_micros: 0, new_micros: 2_000_000, source: "limit_set", reason: null }]);
    const after = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect(after.status).toBe(200);
    await after.text();
  });

  it("is for admins only: the owner and viewers get FORBIDDEN", async () => {
    const agent = await httpAgent(admin, { owner_id: owner.id, budget_usd: 1 });
    for (const who of [owner, viewer]) {
      expect((await controlFetch("PUT", `/limits/agents/${agent.id}/budget`, { token: who.token, body: { budget_usd: 50 } })).status).toBe(403);
    }
    expect((await budgetOf(agent.id)).budgetMicros).toBe(1_000_000);
  });
});

describe("PUT /limits/agents/:id/rate-limits", () => {
  it("applies at once: with 1 request per minute the second gateway call is rate_limited", async () => {
    const agent = await httpAgent(admin, { owner_id: owner.id, budget_usd: 1, provider_ids: providers });
    const limits = { requests_per_minute: 1, tokens_per_minute: null, concurrent_requests: 3 };
    const res = await controlJson<Limits>("PUT", `/limits/agents/${agent.id}/rate-limits`, { token: admin.token, body: limits });
    expect(res.status).toBe(200);
    expect(res.body.rate_limits).toEqual(limits);
    expect((await auditRowsOf(res.response)).map((r) => [r.action, r.outcome])).toEqual([["limit.set_agent_rate_limits", "ok"]]);
    const first = await jsonPost("/v1/chat/completions", agent.token, plain);
    await first.text();
    const second = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect([first.status, second.status]).toEqual([200, 429]);
    expect((await second.json<{ error: { code: string } }>()).error.code).toBe("rate_limited");

    const lifted = await controlJson<Limits>("PUT", `/limits/agents/${agent.id}/rate-limits`, { token: admin.token, body: { requests_per_minute: null, tokens_per_minute: null, concurrent_requests: null } });
    expect(lifted.status).toBe(200);
    const third = await jsonPost("/v1/chat/completions", agent.token, plain);
    expect(third.status).toBe(200);
    await third.text();
  });

  it("refuses zero, fractions and missing limits", async () => {
    const agent = await httpAgent(admin, { budget_usd: 1 });
    const res = await controlJson<ErrorJson>("PUT", `/limits/agents/${agent.id}/rate-limits`, { token: admin.token, body: { requests_per_minute: 0, tokens_per_minute: 1.5 } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields ?? {}).sort()).toEqual(["concurrent_requests", "requests_per_minute", "tokens_per_minute"]);
  });
});
