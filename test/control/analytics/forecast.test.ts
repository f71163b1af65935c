import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { controlJson, makePerson, type ErrorJson, type Person } from "../../helpers/control";
import type { TestAgent } from "../../helpers/fixtures";
import { budgetCall, openLease } from "../../helpers/leases";
import { DAY, HOUR, ownedAgent, placeRow } from "./seed";

interface Forecast { agent_id: string; budget_usd: string; remaining_usd: string; window_spent_usd: string; burn_rate_usd_per_day: string; days_left: number | null; exhausts_at: string | null }
interface ForecastPage { data: Forecast[]; pagination: { next_cursor: string | null; limit: number }; as_of: string }

let owner: Person, other: Person;
let steady: TestAgent, young: TestAgent, idle: TestAgent, spent: TestAgent;

async function forecast(person: Person, query = ""): Promise<ForecastPage> {
  const { status, body } = await controlJson<ForecastPage>("GET", `/analytics/forecast?${query}`, { token: person.token });
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

const setCreated = (agentId: string, at: number): Promise<D1Result> => env.DB.prepare("UPDATE agents SET created_at = ? WHERE id = ?").bind(new Date(at).toISOString(), agentId).run();

beforeAll(async () => {
  [owner, other] = await Promise.all([makePerson("user"), makePerson("user")]);
  const now = Date.now();
  steady = await ownedAgent(owner.id, 10);
  await setCreated(steady.agentId, now - 60 * DAY);
  // $7 over the last seven days = $1/day; the $50 eight days ago is outside the window.
  for (const [ago, usd] of [[1, 2], [3, 1], [6, 4], [8, 50]] as const) await placeRow(steady.agentId, now - ago * DAY, { cost_micros: usd * 1_000_000 });
  young = await ownedAgent(owner.id, 10);
  await setCreated(young.agentId, now - 12 * HOUR);
  await placeRow(young.agentId, now - 2 * HOUR, { cost_micros: 1_000_000 });
  idle = await ownedAgent(owner.id, 10);
  await setCreated(idle.agentId, now - 60 * DAY);
  spent = await ownedAgent(owner.id, 1);
  const lease = await openLease(spent.token, 1);
  await budgetCall("report", lease.lease_token, { event_id: "all", cost_usd: 1 });
  await budgetCall("return", lease.lease_token);
}, 60_000);

describe("GET /analytics/forecast", () => {
  it("projects exhaustion at the last seven days' burn rate", async () => {
    const page = await forecast(owner, `agent_id=${steady.agentId}`);
    const row = page.data[0];
    const asOf = Date.parse(page.as_of);
    // The window starts on the hour seven days back, so it is 7 days plus the minutes of the current hour.
    const elapsed = asOf - Math.floor((asOf - 7 * DAY) / HOUR) * HOUR;
    const burnPerDay = (7_000_000 * DAY) / elapsed;
    expect(row).toMatchObject({ remaining_usd: "10.000000", window_spent_usd: "7.000000" });
    expect(Number(row?.burn_rate_usd_per_day)).toBeCloseTo(burnPerDay / 1_000_000, 5);
    expect(Number(row?.burn_rate_usd_per_day)).toBeGreaterThan(0.99);
    expect(row?.days_left).toBeCloseTo(10_000_000 / burnPerDay, 2);
    expect(Math.abs(Date.parse(row?.exhausts_at ?? "") - (asOf + (10_000_000 / burnPerDay) * DAY))).toBeLessThan(1_000);
  });

  it("measures an agent younger than the window over its own life", async () => {
    const [row] = (await forecast(owner, `agent_id=${young.agentId}`)).data;
    // $1 in about 12 hours: about $2/day, 5 days for the remaining $10.
    expect(Number(row?.burn_rate_usd_per_day)).toBeGreaterThan(1.8);
    expect(Number(row?.burn_rate_usd_per_day)).toBeLessThanOrEqual(2);
    expect(row?.days_left).toBeGreaterThanOrEqual(5);
    expect(row?.days_left).toBeLessThan(5.6);
  });

  it("has no date without spend, and says 0 days for an exhausted budget", async () => {
    const page = await forecast(owner);
    const byId = new Map(page.data.map((r) => [r.agent_id, r]));
    expect(byId.get(idle.agentId)).toMatchObject({ burn_rate_usd_per_day: "0.000000", days_left: null, exhausts_at: null });
    expect(byId.get(spent.agentId)).toMatchObject({ remaining_usd: "0.000000", days_left: 0, exhausts_at: page.as_of });
    expect(page.data.map((r) => r.agent_id).sort()).toEqual([steady, young, idle, spent].map((a) => a.agentId).sort());
  });

  it("pages, and keeps other users' agents out", async () => {
    const first = await forecast(owner, "limit=3");
    expect(first.data).toHaveLength(3);
    const second = await forecast(owner, `limit=3&cursor=${first.pagination.next_cursor ?? ""}`);
    expect(second.data).toHaveLength(1);
    expect(second.pagination.next_cursor).toBeNull();
    expect((await forecast(other)).data).toEqual([]);
    const { status, body } = await controlJson<ErrorJson>("GET", `/analytics/forecast?agent_id=${steady.agentId}`, { token: other.token });
    expect(status).toBe(404);
    expect(body.error.code).toBe("NOT_FOUND");
  });
});
