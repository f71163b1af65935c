import { env } from "cloudflare:workers";
import { createTestAgent } from "../../helpers/fixtures";
import type { MatrixCase, MatrixCases, Whose } from "./types";
import type { World } from "../../helpers/control";

/** A fresh agent owned by `world.owner` (own) or `world.other` (other). */
async function agentOf(world: World, whose: Whose): Promise<string> {
  const agent = await createTestAgent({ budgetUsd: 1 });
  await env.DB.prepare("UPDATE agents SET owner_id = ? WHERE id = ?").bind(whose === "own" ? world.owner.id : world.other.id, agent.agentId).run();
  return agent.agentId;
}

/** A usage route filtered to one agent: admins and viewers read any, users only their own (else NOT_FOUND). */
const forAgent = (path: string, query = ""): MatrixCase => ({
  access: "owned",
  prepare: async (world, whose) => ({ path: `${path}?${query}agent_id=${await agentOf(world, whose)}` }),
});

export const cases: MatrixCases = {
  getAnalyticsSpend: forAgent("/analytics/spend", "period=last-7-days&group_by=model&"),
  getAnalyticsTimeseries: forAgent("/analytics/timeseries", "period=today&interval=hour&"),
  // Unfiltered, every caller the role admits gets figures over what they may see.
  getAnalyticsModelUsage: { access: "any", prepare: () => Promise.resolve({ path: "/analytics/models?period=all-time" }) },
  getAnalyticsBudgetStatus: forAgent("/analytics/budget-status"),
  getAnalyticsForecast: forAgent("/analytics/forecast"),
};
