import { beforeAll, describe, expect, it } from "vitest";
import { controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import { budgetOf, type TestAgent } from "../../helpers/fixtures";
import { budgetCall, openLease } from "../../helpers/leases";
import { ownedAgent } from "./seed";

interface Status { agent_id: string; owner_id: string | null; budget_usd: string; spent_usd: string; remaining_usd: string; percent_used: number; risk_level: string }
interface StatusPage { data: Status[]; pagination: { next_cursor: string | null; limit: number }; counts: Record<string, number>; as_of: string }

let owner: Person, other: Person, viewer: Person;
const agents: { agent: TestAgent; spentUsd: number; level: string; percent: number }[] = [];

/** Spends exactly `usd` of an agent's budget: a usage report on a lease (charged in full), then the lease returned. */
async function spendExactly(agent: TestAgent, usd: number): Promise<void> {
  const lease = await openLease(agent.token, 100);
  const report = await budgetCall("report", lease.lease_token, { event_id: "spend", cost_usd: usd });
  expect(report.status).toBe(200);
  expect((await budgetCall("return", lease.lease_token)).status).toBe(200);
}

async function status(person: Person, query = ""): Promise<StatusPage> {
  const { status: code, body } = await controlJson<StatusPage>("GET", `/analytics/budget-status?${query}`, { token: person.token });
  expect(code, JSON.stringify(body)).toBe(200);
  return body;
}

beforeAll(async () => {
  [owner, other, viewer] = await Promise.all([makePerson("user"), makePerson("user"), makePerson("viewer")]);
  for (const [spentUsd, level, percent] of [[49.99, "low", 49.99], [50, "medium", 50], [80, "high", 80], [95, "critical", 95], [100, "exhausted", 100]] as const) {
    const agent = await ownedAgent(owner.id, 100);
    await spendExactly(agent, spentUsd);
    agents.push({ agent, spentUsd, level, percent });
  }
}, 60_000);

describe("GET /analytics/budget-status", () => {
  it("gives each agent's spend from its budget object and its risk level at the boundaries", async () => {
    const page = await status(owner);
    expect(page.data).toHaveLength(5);
    for (const { agent, spentUsd, level, percent } of agents) {
      const row = page.data.find((r) => r.agent_id === agent.agentId);
      const snapshot = await budgetOf(agent.agentId);
      expect(snapshot.spentMicros).toBe(Math.round(spentUsd * 1_000_000));
      expect(row).toMatchObject({ owner_id: owner.id, budget_usd: "100.000000", spent_usd: spentUsd.toFixed(6), remaining_usd: (100 - spentUsd).toFixed(6), percent_used: percent, risk_level: level });
    }
    expect(page.counts).toEqual({ low: 1, medium: 1, high: 1, critical: 1, exhausted: 1 });
  });

  it("pages by agent id, filters by level, and keeps the counts over everything visible", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: StatusPage = await status(owner, `limit=2${cursor === null ? "" : `&cursor=${cursor}`}`);
      expect(page.data.length).toBeLessThanOrEqual(2);
      expect(page.counts).toEqual({ low: 1, medium: 1, high: 1, critical: 1, exhausted: 1 });
      seen.push(...page.data.map((r) => r.agent_id));
      cursor = page.pagination.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual(agents.map((a) => a.agent.agentId).sort());
    const high = await status(owner, "risk_level=high");
    expect(high.data.map((r) => r.agent_id)).toEqual([agents[2]?.agent.agentId]);
    expect(high.counts.low).toBe(1);
  });

  it("shows users only their own agents; viewers see everyone's; another user's agent is NOT_FOUND", async () => {
    expect((await status(other)).data).toEqual([]);
    const all = await status(viewer, "limit=100");
    for (const { agent, level } of agents) expect(all.data.find((r) => r.agent_id === agent.agentId)?.risk_level).toBe(level);
    const single = await status(viewer, `agent_id=${agents[3]?.agent.agentId ?? ""}`);
    expect(single.data.map((r) => r.risk_level)).toEqual(["critical"]);
    const { status: code, body } = await controlJson<ErrorJson>("GET", `/analytics/budget-status?agent_id=${agents[0]?.agent.agentId ?? ""}`, { token: other.token });
    expect(code).toBe(404);
    expect(body.error.code).toBe("NOT_FOUND");
  });
});
