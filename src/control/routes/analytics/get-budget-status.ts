import { z } from "zod";
import { budgetFigures, scopedAgents, snapshotsOf } from "../../../analytics/agent-budgets";
import { microsToUsd } from "../../../pricing/cost";
import { listOf, pageQuery } from "../../openapi/common-schemas";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { decodeCursor, pageOf, usdText } from "../shared";
import { scopeFor } from "./analytics-scope";
import { agentIdFilter, projectIdFilter } from "./query-schemas";
import { percentUsed, RISK_LEVELS, riskLevel, type RiskLevel } from "../shared/risk-level";

const statusJson = z.object({
  agent_id: z.string(),
  name: z.string(),
  status: z.enum(["active", "suspended"]),
  owner_id: z.string().nullable(),
  project_id: z.string().nullable(),
  budget_usd: usdText,
  spent_usd: usdText,
  reserved_usd: usdText,
  leased_out_usd: usdText,
  remaining_usd: usdText,
  percent_used: z.number().meta({ description: "Spent / budget × 100, two decimals, floored; may pass 100 after a provider overrun." }),
  risk_level: z.enum(RISK_LEVELS),
}).meta({ id: "AgentBudgetStatus" });

const countsJson = z.object(Object.fromEntries(RISK_LEVELS.map((level) => [level, z.number().int()])) as Record<RiskLevel, z.ZodNumber>)
  .meta({ description: "Agents per risk level, over every agent the caller may see with the agent/project filters (not only this page, and before `risk_level`)." });

/** `GET /analytics/budget-status`: every agent's budget, spend and risk level, with counts per level. */
export const getBudgetStatusRoute = defineRoute({
  method: "get",
  path: "/analytics/budget-status",
  operationId: "getAnalyticsBudgetStatus",
  summary: "Budget status and risk level per agent",
  description: "Risk levels: low < 50 % spent, medium 50–79, high 80–94, critical 95–99, exhausted at 100 % or with nothing left (reserved or leased out). Money comes from each agent's budget object, the source of truth (it includes lease usage reported outside the gateway), so the figures match the agent views. Deleted agents are left out.",
  tags: ["analytics"],
  role: "viewer",
  query: pageQuery({ agent_id: agentIdFilter, project_id: projectIdFilter, risk_level: z.enum(RISK_LEVELS).optional().meta({ description: "Only agents at this level." }) }),
  response: listOf(statusJson).extend({ counts: countsJson, as_of: z.iso.datetime() }),
  errors: ["NOT_FOUND"],
  handler: async (c, { query, actor }) => {
    const cursor = decodeCursor(query.cursor, 1);
    if (isControlRefusal(cursor)) return cursor;
    const scope = await scopeFor(c.env.DB, actor, query);
    if (isControlRefusal(scope)) return scope;
    const asOf = new Date().toISOString();
    // Counts cover every visible agent, so every budget object in scope is asked (one quick call each).
    const agents = await scopedAgents(c.env.DB, scope, null, null);
    const snapshots = await snapshotsOf(c.env, agents.map((a) => a.id));
    const counts = Object.fromEntries(RISK_LEVELS.map((level) => [level, 0])) as Record<RiskLevel, number>;
    const rows = agents.map((agent) => {
      const money = budgetFigures(agent.budget_micros, snapshots.get(agent.id) ?? null);
      const level = riskLevel(money.budgetMicros, money.spentMicros, money.remainingMicros);
      counts[level] += 1;
      return {
        agent_id: agent.id, name: agent.name, status: agent.status, owner_id: agent.owner_id, project_id: agent.project_id,
        budget_usd: microsToUsd(money.budgetMicros), spent_usd: microsToUsd(money.spentMicros), reserved_usd: microsToUsd(money.reservedMicros),
        leased_out_usd: microsToUsd(money.leasedOutMicros), remaining_usd: microsToUsd(money.remainingMicros),
        percent_used: percentUsed(money.budgetMicros, money.spentMicros), risk_level: level,
      };
    });
    const after = cursor === null ? "" : String(cursor[0]);
    const listed = rows.filter((row) => row.agent_id > after && (query.risk_level === undefined || row.risk_level === query.risk_level));
    return { ...pageOf(listed, query.limit, (row) => [row.agent_id]), counts, as_of: asOf };
  },
});
