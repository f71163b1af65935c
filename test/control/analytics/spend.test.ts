import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { budgetStub } from "../../../src/services/agents/budget-stub";
import { controlJson, type ErrorJson, type Person } from "../../helpers/control";
import type { TestAgent } from "../../helpers/fixtures";
import { ledgerFigures, NO_FIGURES, type Figures, type GroupBy } from "./ledger";
import { DAY, floorDay, HOUR, seedUsage } from "./seed";

interface Period { name: string; from: string | null; to: string }
interface Group extends Figures { key: string | null; name: string | null }
interface Spend { period: Period; group_by: GroupBy; totals: Figures; groups: Group[] }

const NAMED = ["today", "yesterday", "last-7-days", "last-30-days", "all-time"] as const;
const GROUPINGS: GroupBy[] = ["none", "agent", "provider", "model"];

let admin: Person, viewer: Person, alice: Person, bob: Person;
let a1: TestAgent, a2: TestAgent, b1: TestAgent;

/** The bounds a named period has at `now` (UTC days; periods through today end with the current hour). */
function namedBounds(name: (typeof NAMED)[number], now: number): Period {
  const today = floorDay(now);
  const end = Math.floor(now / HOUR) * HOUR + HOUR;
  const iso = (ms: number): string => new Date(ms).toISOString();
  const from = { today, yesterday: today - DAY, "last-7-days": today - 6 * DAY, "last-30-days": today - 29 * DAY, "all-time": null }[name];
  return { name, from: from === null ? null : iso(from), to: iso(name === "yesterday" ? today : end) };
}

async function spend(person: Person, query: string): Promise<Spend> {
  const { status, body } = await controlJson<Spend>("GET", `/analytics/spend?${query}`, { token: person.token });
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

/** The response's figures per group key, as the ledger map has them. */
function byKey(body: Spend): Map<string | null, Figures> {
  if (body.group_by === "none") return new Map(body.totals.requests === 0 ? [] : [[null, body.totals]]);
  return new Map(body.groups.map((group) => [group.key, figuresOf(group)]));
}

function figuresOf(group: Group): Figures {
  const { cost_usd, requests, successes, errors, success_rate, avg_latency_ms, tokens } = group;
  return { cost_usd, requests, successes, errors, success_rate, avg_latency_ms, tokens };
}

async function expectLedger(person: Person, query: string, groupBy: GroupBy, agents: readonly string[] | null): Promise<Spend> {
  const body = await spend(person, `${query}&group_by=${groupBy}`);
  const expected = await ledgerFigures(body.period.from, body.period.to, agents, groupBy);
  expect(byKey(body), `${query} group_by=${groupBy}`).toEqual(expected);
  const total = await ledgerFigures(body.period.from, body.period.to, agents, "none");
  expect(body.totals, `${query} totals`).toEqual(total.get(null) ?? NO_FIGURES);
  return body;
}

beforeAll(async () => {
  ({ admin, viewer, alice, bob, a1, a2, b1 } = await seedUsage());
}, 120_000);

describe("GET /analytics/spend equals sums over the ledger", () => {
  it("for every named period and grouping, over everything (admin)", async () => {
    for (const name of NAMED) {
      for (const groupBy of GROUPINGS) {
        const before = Date.now();
        const body = await expectLedger(admin, `period=${name}`, groupBy, null);
        expect([namedBounds(name, before), namedBounds(name, Date.now())]).toContainEqual(body.period);
      }
    }
  });

  it("each period holds the test's own rows (the comparison is not vacuous)", async () => {
    for (const name of NAMED) {
      const body = await spend(admin, `period=${name}&agent_id=${a1.agentId}`);
      expect(body.totals.requests, name).toBeGreaterThan(0);
    }
    const all = await spend(admin, "period=all-time&group_by=agent");
    expect(all.groups.find((g) => g.key === null)?.errors).toBeGreaterThanOrEqual(2);
    expect(all.groups.find((g) => g.key === a1.agentId)?.name).toMatch(/^agent-/);
  });

  it("for a user, over their own agents only; for a viewer, over anyone's", async () => {
    for (const name of NAMED) {
      for (const groupBy of GROUPINGS) await expectLedger(alice, `period=${name}`, groupBy, [a1.agentId, a2.agentId]);
      await expectLedger(alice, `period=${name}&agent_id=${a2.agentId}`, "model", [a2.agentId]);
      await expectLedger(bob, `period=${name}`, "agent", [b1.agentId]);
      await expectLedger(viewer, `period=${name}&agent_id=${b1.agentId}`, "provider", [b1.agentId]);
    }
    const own = await spend(alice, "period=all-time&group_by=agent");
    expect(own.groups.map((g) => g.key).sort()).toEqual([a1.agentId, a2.agentId].sort());
  });

  it("refuses an agent the user does not own as NOT_FOUND, like an unknown one", async () => {
    for (const id of [b1.agentId, "agt_doesnotexist"]) {
      const { status, body } = await controlJson<ErrorJson>("GET", `/analytics/spend?agent_id=${id}`, { token: alice.token });
      expect(status).toBe(404);
      expect(body.error.code).toBe("NOT_FOUND");
    }
  });

  it("narrows to a project's agents (users: their own in it); an unknown project is NOT_FOUND", async () => {
    const project = `prj_an${crypto.randomUUID().replace(/-/g, "").slice(0, 24)}`;
    const now = new Date().toISOString();
    await env.DB.prepare("INSERT INTO projects (id, name, budget_micros, created_at, updated_at) VALUES (?, ?, 0, ?, ?)").bind(project, project, now, now).run();
    await env.DB.prepare("UPDATE agents SET project_id = ? WHERE id IN (?, ?)").bind(project, a2.agentId, b1.agentId).run();
    await expectLedger(admin, `period=all-time&project_id=${project}`, "agent", [a2.agentId, b1.agentId]);
    await expectLedger(alice, `period=last-30-days&project_id=${project}`, "model", [a2.agentId]);
    const { status } = await controlJson<ErrorJson>("GET", "/analytics/spend?project_id=prj_nosuchproject", { token: admin.token });
    expect(status).toBe(404);
  });

  it("takes custom ranges at hour resolution (from down, to up)", async () => {
    const today = floorDay(Date.now());
    const from = new Date(today - 10 * DAY + 30 * 60_000).toISOString();
    const to = new Date(today - DAY + 90 * 60_000).toISOString();
    const body = await expectLedger(admin, `period=custom&from=${from}&to=${to}`, "agent", null);
    expect(body.period).toEqual({ name: "custom", from: new Date(today - 10 * DAY).toISOString(), to: new Date(today - DAY + 2 * HOUR).toISOString() });
    expect(body.totals.requests).toBeGreaterThan(0);
    await expectLedger(alice, `period=custom&from=${from}&to=${to}`, "model", [a1.agentId, a2.agentId]);
  });

  it("names every bad period field", async () => {
    const bad = async (query: string): Promise<Record<string, string>> => {
      const { status, body } = await controlJson<ErrorJson>("GET", `/analytics/spend?${query}`, { token: viewer.token });
      expect(status, query).toBe(400);
      expect(body.error.code).toBe("VALIDATION_ERROR");
      return body.error.fields ?? {};
    };
    expect(Object.keys(await bad("period=custom")).sort()).toEqual(["query.from", "query.to"]);
    expect(Object.keys(await bad("period=today&from=2025-01-01T00:00:00Z"))).toEqual(["query.from"]);
    expect(Object.keys(await bad("period=custom&from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z"))).toEqual(["query.to"]);
    expect(Object.keys(await bad("period=custom&from=2024-01-01T00:00:00Z&to=2025-01-02T00:00:00Z"))).toEqual(["query.to"]);
    expect(Object.keys(await bad("period=custom&from=yesterday&to=2025-01-01T00:00:00Z"))).toEqual(["query.from"]);
    expect(Object.keys(await bad("period=last-week&group_by=team&surprise=1")).sort()).toEqual(["query.group_by", "query.period", "query.surprise"]);
  });

  it("redelivering the budget objects' ledger rows leaves the rollups equal to the ledger", async () => {
    for (const agent of [a1, b1]) {
      await budgetStub(env, agent.agentId).flush();
      await budgetStub(env, agent.agentId).flush();
    }
    const rollup = await env.DB.prepare("SELECT SUM(requests) AS n, SUM(cost_micros) AS cost FROM usage_rollup WHERE agent_id IN (?, ?)").bind(a1.agentId, b1.agentId).first();
    const ledger = await env.DB.prepare("SELECT COUNT(*) AS n, SUM(cost_micros) AS cost FROM request_log WHERE agent_id IN (?, ?)").bind(a1.agentId, b1.agentId).first();
    expect(rollup).toEqual(ledger);
  });
});
