import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { nowIso } from "../../db/ids";
import { agents } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import type { AgentStatus, BudgetSnapshot } from "../../../durable-objects/budget/types";
import { budgetStub } from "./budget-stub";
import { loadAgentConfig } from "./load-agent";

/**
 * Changes an agent's budget and/or status. The budget object is updated first: the next request sees the
 * change (a budget lowered below spend leaves the agent exhausted; a suspension refuses at once).
 */
export async function updateAgentState(
  env: Env,
  agentId: string,
  change: { budgetMicros?: number; status?: AgentStatus },
): Promise<BudgetSnapshot | Refusal> {
  const loaded = await loadAgentConfig(env, agentId);
  if (loaded === null) return refuse("not_found", "agent not found");
  if (change.budgetMicros !== undefined && (!Number.isSafeInteger(change.budgetMicros) || change.budgetMicros < 0)) {
    return refuse("invalid_request", "budget must be a non-negative amount", { field: "budget_usd" });
  }
  const config = {
    ...loaded.config,
    budgetMicros: change.budgetMicros ?? loaded.config.budgetMicros,
    status: change.status ?? loaded.config.status,
  };
  const snapshot = await budgetStub(env, agentId).configure(config);
  await drizzle(env.DB)
    .update(agents)
    .set({ budgetMicros: config.budgetMicros, status: config.status, updatedAt: nowIso() })
    .where(eq(agents.id, agentId));
  return snapshot;
}
