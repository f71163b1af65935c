import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { nowIso } from "../../db/ids";
import { agents } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import { NO_LIMITS, type AgentStatus, type BudgetSnapshot, type DisconnectPolicy, type RateLimits } from "../../../durable-objects/budget/types";
import { budgetStub } from "./budget-stub";
import { loadAgentConfig } from "./load-agent";

/**
 * Changes an agent's budget, status, limits or disconnect policy. The budget object is updated first: the next
 * request sees the change (a budget lowered below spend leaves the agent exhausted; a suspension refuses at once).
 */
export async function updateAgentState(
  env: Env,
  agentId: string,
  change: { budgetMicros?: number; status?: AgentStatus; limits?: RateLimits; disconnectPolicy?: DisconnectPolicy },
): Promise<BudgetSnapshot | Refusal> {
  const loaded = await loadAgentConfig(env, agentId);
  if (loaded === null) return refuse("not_found", "agent not found");
  if (change.budgetMicros !== undefined && (!Number.isSafeInteger(change.budgetMicros) || change.budgetMicros < 0)) {
    return refuse("invalid_request", "budget must be a non-negative amount", { field: "budget_usd" });
  }
  for (const value of Object.values(change.limits ?? {})) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 1)) return refuse("invalid_request", "limits must be positive whole numbers or null", { field: "limits" });
  }
  const config = {
    ...loaded.config,
    budgetMicros: change.budgetMicros ?? loaded.config.budgetMicros,
    status: change.status ?? loaded.config.status,
    limits: change.limits ?? loaded.config.limits ?? NO_LIMITS,
    disconnectPolicy: change.disconnectPolicy ?? loaded.config.disconnectPolicy ?? "drain",
  };
  const snapshot = await budgetStub(env, agentId).configure(config);
  await drizzle(env.DB)
    .update(agents)
    .set({
      budgetMicros: config.budgetMicros,
      status: config.status,
      rpmLimit: config.limits.requestsPerMinute,
      tpmLimit: config.limits.tokensPerMinute,
      concurrencyLimit: config.limits.concurrentRequests,
      disconnectPolicy: config.disconnectPolicy,
      updatedAt: nowIso(),
    })
    .where(eq(agents.id, agentId));
  return snapshot;
}
