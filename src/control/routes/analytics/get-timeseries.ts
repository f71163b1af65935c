import { z } from "zod";
import { bucketsOf, MAX_BUCKETS, seriesOf } from "../../../analytics/buckets";
import { figuresView, zeroSums, type UsageSums } from "../../../analytics/figures";
import { floorDay, HOUR_MS, periodView, type Period } from "../../../analytics/period";
import type { Scope } from "../../../analytics/scope";
import { firstUsageHour, GROUP_BYS, INTERVALS, usageRows, type Interval } from "../../../analytics/usage-query";
import { microsToUsd } from "../../../pricing/cost";
import { controlRefusal, isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { usdText } from "../shared";
import { periodOf, scopeFor } from "./analytics-scope";
import { periodFields } from "./query-schemas";
import { figuresJson, groupKeyShape, periodJson } from "./response-schemas";

const pointJson = z.object({
  start: z.iso.datetime().meta({ description: "Start of the hour or UTC day." }),
  cost_usd: usdText,
  requests: z.number().int(),
  successes: z.number().int(),
  errors: z.number().int(),
  tokens: z.number().int().meta({ description: "All token classes." }),
}).meta({ id: "AnalyticsPoint" });

const timeseriesJson = z.object({
  period: periodJson,
  interval: z.enum(INTERVALS),
  group_by: z.enum(GROUP_BYS),
  series: z.array(z.object({ ...groupKeyShape, totals: figuresJson, points: z.array(pointJson) }))
    .meta({ description: "One series (group_by=none) or one per group with usage, dearest first; every bucket present, empty ones as zeros." }),
});

/** `GET /analytics/timeseries`: the same figures per hour or UTC day, for charts. */
export const getTimeseriesRoute = defineRoute({
  method: "get",
  path: "/analytics/timeseries",
  operationId: "getAnalyticsTimeseries",
  summary: "Spend, requests and tokens over time, per hour or day",
  description: `From the hourly usage rollups. At most ${MAX_BUCKETS} buckets per series. A day bucket is a UTC day; with a custom period the first and last may be partial. all-time starts at the first recorded usage.`,
  tags: ["analytics"],
  role: "viewer",
  query: z.strictObject({ ...periodFields, interval: z.enum(INTERVALS).default("day"), group_by: z.enum(GROUP_BYS).default("none") }),
  response: timeseriesJson,
  errors: ["NOT_FOUND"],
  handler: async (c, { query, actor }) => {
    const nowMs = Date.now();
    const period = periodOf(query, nowMs);
    if (isControlRefusal(period)) return period;
    const scope = await scopeFor(c.env.DB, actor, query);
    if (isControlRefusal(scope)) return scope;
    const bounded = await withStart(c.env.DB, scope, period, query.interval);
    const buckets = bucketsOf(bounded, query.interval);
    if (buckets === null) {
      return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { "query.interval": `More than ${MAX_BUCKETS} buckets: use interval=day or a shorter period.` } });
    }
    const rows = await usageRows(c.env.DB, scope, bounded, query.group_by, query.interval);
    const series = seriesOf(rows, buckets);
    const all = series.length === 0 && query.group_by === "none" ? [{ key: null, name: null, totals: zeroSums(), points: buckets.map(() => zeroSums()) }] : series;
    return {
      period: periodView(bounded),
      interval: query.interval,
      group_by: query.group_by,
      series: all.map((s) => ({ key: s.key, name: s.name, totals: figuresView(s.totals), points: s.points.map((p, i) => pointView(p, buckets[i]?.startMs ?? 0)) })),
    };
  },
});

/** all-time has no start of its own: it begins at the first usage in scope (or the current bucket when there is none). */
async function withStart(db: D1Database, scope: Scope, period: Period, interval: Interval): Promise<Period & { fromMs: number }> {
  if (period.fromMs !== null) return { ...period, fromMs: period.fromMs };
  const first = await firstUsageHour(db, scope);
  const fromMs = first === null ? period.toMs - HOUR_MS : Date.parse(`${first}:00:00Z`);
  return { ...period, fromMs: interval === "day" ? floorDay(fromMs) : fromMs };
}

function pointView(sums: UsageSums, startMs: number): z.input<typeof pointJson> {
  const tokens = sums.input_tokens + sums.cached_input_tokens + sums.cache_write_tokens + sums.output_tokens + sums.reasoning_tokens;
  return { start: new Date(startMs).toISOString(), cost_usd: microsToUsd(sums.cost_micros), requests: sums.requests, successes: sums.successes, errors: sums.errors, tokens };
}
