import { z } from "zod";
import { budgetFigures, scopedAgents, snapshotsOf } from "../../../analytics/agent-budgets";
import { burnRatePerDay, burnWindowStart, BURN_WINDOW_DAYS, exhaustion, spendSince } from "../../../analytics/burn-rate";
import { microsToUsd } from "../../../pricing/cost";
import { listOf, pageQuery } from "../../openapi/common-schemas";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { decodeCursor, pageOf, usdText } from "../shared";
import { scopeFor } from "./analytics-scope";
import { agentIdFilter, projectIdFilter } from "./query-schemas";

const forecastJson = z.object({
  agent_id: z.string(),
  name: z.string(),
  budget_usd: usdText,
  remaining_usd: usdText.meta({ description: "From the agent's budget object, as in the budget status." }),
  window_spent_usd: usdText.meta({ description: `Gateway spend over the burn window (the last ${BURN_WINDOW_DAYS} days, or since the agent was created).` }),
  burn_rate_usd_per_day: usdText,
  days_left: z.number().nullable().meta({ description: "Two decimals; 0 when nothing is left; null when nothing is being spent." }),
  exhausts_at: z.iso.datetime().nullable().meta({ description: "When the budget runs out at the burn rate; null when nothing is being spent (or not before the year 10000)." }),
}).meta({ id: "AgentBudgetForecast" });

/** `GET /analytics/forecast`: per agent, its recent burn rate and the date its budget runs out at that rate. */
export const getForecastRoute = defineRoute({
  method: "get",
  path: "/analytics/forecast",
  operationId: "getAnalyticsForecast",
  summary: "Forecast of each agent's budget exhaustion at its recent burn rate",
  description: `Burn rate = the agent's gateway spend over the last ${BURN_WINDOW_DAYS} days (from the usage rollups) per day, measured over the agent's life when it is younger. Exhaustion = now + remaining / burn rate. Deleted agents are left out.`,
  tags: ["analytics"],
  role: "viewer",
  query: pageQuery({ agent_id: agentIdFilter, project_id: projectIdFilter }),
  response: listOf(forecastJson).extend({ as_of: z.iso.datetime() }),
  errors: ["NOT_FOUND"],
  handler: async (c, { query, actor }) => {
    const cursor = decodeCursor(query.cursor, 1);
    if (isControlRefusal(cursor)) return cursor;
    const scope = await scopeFor(c.env.DB, actor, query);
    if (isControlRefusal(scope)) return scope;
    const nowMs = Date.now();
    const agents = await scopedAgents(c.env.DB, scope, cursor === null ? null : String(cursor[0]), query.limit + 1);
    const windowStart = burnWindowStart(nowMs);
    const [spent, snapshots] = await Promise.all([spendSince(c.env.DB, scope, windowStart), snapshotsOf(c.env, agents.slice(0, query.limit).map((a) => a.id))]);
    const rows = agents.map((agent) => {
      const money = budgetFigures(agent.budget_micros, snapshots.get(agent.id) ?? null);
      const windowSpent = spent.get(agent.id) ?? 0;
      const burn = burnRatePerDay(windowSpent, windowStart, Date.parse(agent.created_at), nowMs);
      const end = exhaustion(money.remainingMicros, burn, nowMs);
      return {
        agent_id: agent.id, name: agent.name, budget_usd: microsToUsd(money.budgetMicros), remaining_usd: microsToUsd(money.remainingMicros),
        window_spent_usd: microsToUsd(windowSpent), burn_rate_usd_per_day: microsToUsd(Math.round(burn)),
        days_left: end === null ? null : Math.round(end.daysLeft * 100) / 100, exhausts_at: end?.atMs == null ? null : new Date(end.atMs).toISOString(),
      };
    });
    return { ...pageOf(rows, query.limit, (row) => [row.agent_id]), as_of: new Date(nowMs).toISOString() };
  },
});
