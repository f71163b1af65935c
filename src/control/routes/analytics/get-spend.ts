import { z } from "zod";
import { addSums, figuresView, zeroSums } from "../../../analytics/figures";
import { periodView } from "../../../analytics/period";
import { GROUP_BYS, usageRows } from "../../../analytics/usage-query";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { periodOf, scopeFor } from "./analytics-scope";
import { periodFields } from "./query-schemas";
import { figuresJson, figuresShape, groupKeyShape, periodJson } from "./response-schemas";

const spendJson = z.object({
  period: periodJson,
  group_by: z.enum(GROUP_BYS),
  totals: figuresJson,
  groups: z.array(z.object({ ...groupKeyShape, ...figuresShape })).meta({ description: "One per agent, provider or model with usage in the period, dearest first; empty for group_by=none." }),
});

/** `GET /analytics/spend`: spend, requests, success rate and tokens for a period, in total and per agent/provider/model. */
export const getSpendRoute = defineRoute({
  method: "get",
  path: "/analytics/spend",
  operationId: "getAnalyticsSpend",
  summary: "Spend, requests and tokens for a period, in total and grouped",
  description: "Summed from hourly usage rollups of the gateway's request ledger (every request_log row counted once). Lease usage reported by SDKs outside the gateway is in the budget figures (`/analytics/budget-status`), not here. Users see only their own agents.",
  tags: ["analytics"],
  role: "viewer",
  query: z.strictObject({ ...periodFields, group_by: z.enum(GROUP_BYS).default("none") }),
  response: spendJson,
  errors: ["NOT_FOUND"],
  handler: async (c, { query, actor }) => {
    const period = periodOf(query, Date.now());
    if (isControlRefusal(period)) return period;
    const scope = await scopeFor(c.env.DB, actor, query);
    if (isControlRefusal(scope)) return scope;
    const rows = await usageRows(c.env.DB, scope, period, query.group_by, "none");
    const totals = rows.reduce((sum, row) => addSums(sum, row), zeroSums());
    const groups = query.group_by === "none" ? [] : rows
      .sort((a, b) => b.cost_micros - a.cost_micros || b.requests - a.requests || (a.key ?? "").localeCompare(b.key ?? ""))
      .map((row) => ({ key: row.key, name: row.name, ...figuresView(row) }));
    return { period: periodView(period), group_by: query.group_by, totals: figuresView(totals), groups };
  },
});
