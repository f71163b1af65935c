import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { microsToUsd, usdToMicros } from "../../../src/pricing/cost";
import { controlJson, type ErrorJson, type Person } from "../../helpers/control";
import type { TestAgent } from "../../helpers/fixtures";
import { ledgerFigures, NO_FIGURES, type Figures } from "./ledger";
import { DAY, floorDay, HOUR, seedUsage } from "./seed";

interface Point { start: string; cost_usd: string; requests: number; successes: number; errors: number; tokens: number }
interface Series { key: string | null; name: string | null; totals: Figures; points: Point[] }
interface Timeseries { period: { name: string; from: string; to: string }; interval: "hour" | "day"; series: Series[] }
interface ModelUsage extends Figures { model: string | null; provider_ids: string[]; agents: number }

let admin: Person, alice: Person;
let a1: TestAgent, a2: TestAgent;

async function timeseries(person: Person, query: string): Promise<Timeseries> {
  const { status, body } = await controlJson<Timeseries>("GET", `/analytics/timeseries?${query}`, { token: person.token });
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

/** A point's figures from ledger figures (what a chart shows). */
const pointOf = (f: Figures, start: number): Point => ({ start: new Date(start).toISOString(), cost_usd: f.cost_usd, requests: f.requests, successes: f.successes, errors: f.errors, tokens: f.tokens.total });

function sumPoints(points: readonly Omit<Point, "start">[]): Omit<Point, "start"> {
  const micros = points.reduce((sum, p) => sum + usdToMicros(Number(p.cost_usd)), 0);
  return { cost_usd: microsToUsd(micros), requests: points.reduce((s, p) => s + p.requests, 0), successes: points.reduce((s, p) => s + p.successes, 0), errors: points.reduce((s, p) => s + p.errors, 0), tokens: points.reduce((s, p) => s + p.tokens, 0) };
}

const chartOf = (f: Figures): Omit<Point, "start"> => ({ cost_usd: f.cost_usd, requests: f.requests, successes: f.successes, errors: f.errors, tokens: f.tokens.total });

function figuresOnly(usage: ModelUsage): Figures {
  const { cost_usd, requests, successes, errors, success_rate, avg_latency_ms, tokens } = usage;
  return { cost_usd, requests, successes, errors, success_rate, avg_latency_ms, tokens };
}

beforeAll(async () => {
  ({ admin, alice, a1, a2 } = await seedUsage());
}, 120_000);

describe("GET /analytics/timeseries", () => {
  it("has every bucket of the period, its points add up to the ledger's totals, per series and overall", async () => {
    const today = floorDay(Date.now());
    const custom = `period=custom&from=${new Date(today - 3 * DAY - 2 * HOUR).toISOString()}&to=${new Date(today - DAY + 5 * HOUR).toISOString()}`;
    const queries = ["period=today&interval=hour", "period=yesterday&interval=hour", "period=last-7-days&interval=day", "period=last-30-days&interval=day", "period=all-time&interval=day", `${custom}&interval=hour`, `${custom}&interval=day`];
    for (const [person, agents] of [[admin, null], [alice, [a1.agentId, a2.agentId]]] as const) {
      for (const query of queries) {
        for (const groupBy of ["none", "agent"] as const) {
          const body = await timeseries(person, `${query}&group_by=${groupBy}`);
          const step = body.interval === "hour" ? HOUR : DAY;
          const from = Date.parse(body.period.from);
          const to = Date.parse(body.period.to);
          const first = body.interval === "day" ? floorDay(from) : from;
          const starts = Array.from({ length: Math.ceil((to - first) / step) }, (_, i) => new Date(first + i * step).toISOString());
          const ledger = await ledgerFigures(body.period.from, body.period.to, agents, groupBy);
          expect(body.series.length, query).toBe(groupBy === "none" ? 1 : ledger.size);
          for (const series of body.series) {
            expect(series.points.map((p) => p.start), query).toEqual(starts);
            expect(sumPoints(series.points), query).toEqual(chartOf(series.totals));
            expect(series.totals, `${query} ${series.key ?? "-"}`).toEqual(ledger.get(series.key) ?? NO_FIGURES);
          }
        }
      }
    }
  });

  it("each bucket equals the ledger's sums for that day or hour, empty ones as zeros", async () => {
    for (const query of ["period=last-30-days&interval=day", "period=last-7-days&interval=hour"]) {
      const body = await timeseries(alice, query);
      const points = body.series[0]?.points ?? [];
      const step = body.interval === "hour" ? HOUR : DAY;
      for (const point of points) {
        const start = Date.parse(point.start);
        const end = Math.min(start + step, Date.parse(body.period.to));
        const ledger = await ledgerFigures(point.start, new Date(end).toISOString(), [a1.agentId, a2.agentId], "none");
        expect(point, point.start).toEqual(pointOf(ledger.get(null) ?? NO_FIGURES, start));
      }
      expect(points.some((p) => p.requests === 0), query).toBe(true);
      expect(points.filter((p) => p.requests > 0).length, query).toBeGreaterThan(2);
    }
  });

  it("refuses more than 1000 buckets", async () => {
    const { status, body } = await controlJson<ErrorJson>("GET", "/analytics/timeseries?period=all-time&interval=hour", { token: admin.token });
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields ?? {})).toEqual(["query.interval"]);
  });
});

describe("GET /analytics/models", () => {
  it("gives each model's requests, tokens and cost as the ledger sums them, and who served it", async () => {
    const { status, body } = await controlJson<{ models: ModelUsage[] }>("GET", "/analytics/models?period=all-time", { token: alice.token });
    expect(status).toBe(200);
    const ledger = await ledgerFigures(null, "9999", [a1.agentId, a2.agentId], "model");
    expect(new Map(body.models.map((usage) => [usage.model, figuresOnly(usage)]))).toEqual(ledger);
    for (const usage of body.models) {
      const rows = await env.DB.prepare("SELECT DISTINCT provider_id AS p, agent_id AS a FROM request_log WHERE model IS ? AND agent_id IN (?, ?)")
        .bind(usage.model, a1.agentId, a2.agentId).all<{ p: string | null; a: string }>();
      expect(usage.provider_ids, usage.model ?? "-").toEqual([...new Set(rows.results.flatMap((r) => (r.p === null ? [] : [r.p])))].sort());
      expect(usage.agents).toBe(new Set(rows.results.map((r) => r.a)).size);
    }
    expect(body.models.map((m) => m.requests)).toEqual([...body.models.map((m) => m.requests)].sort((x, y) => y - x));
    expect(body.models.map((m) => m.model)).toContain("claude-haiku-4-5");
  });
});
