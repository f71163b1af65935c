import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { nowIso } from "../../db/ids";
import { agents, type AgentRow } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import { drizzleStatement } from "../../control/routes/shared/audit-context";
import { NO_LIMITS, type AgentStatus, type BudgetSnapshot, type DisconnectPolicy, type RateLimits } from "../../../durable-objects/budget/types";
import { auditOrSystem, changedFields, commitAgentChange, configureThenCommit, type AgentServiceOptions } from "./agent-audit";
import { agentState } from "./agent-view";
import { budgetStub } from "./budget-stub";
import { checkLimits } from "./check-agent-input";
import { loadAgentConfig } from "./load-agent";

export interface AgentStateChange {
  /** Tests and tools only: the control API changes budgets through `applyAgentBudget` (which keeps the history). */
  budgetMicros?: number;
  status?: AgentStatus;
  limits?: RateLimits;
  disconnectPolicy?: DisconnectPolicy;
}

/**
 * Changes an agent's budget, status, limits or disconnect policy. The budget object is updated first: the next
 * request sees the change (a budget lowered below spend leaves the agent exhausted; a suspension refuses at once);
 * then the agents row, with the audit record when one is given. Returns the budget snapshot and the new row.
 */
export async function updateAgentState(
  env: Env,
  agentId: string,
  change: AgentStateChange,
  options: AgentServiceOptions = {},
): Promise<(BudgetSnapshot & { row: AgentRow }) | Refusal> {
  const loaded = await loadAgentConfig(env, agentId);
  if (loaded === null) return refuse("not_found", "agent not found");
  if (change.budgetMicros !== undefined && (!Number.isSafeInteger(change.budgetMicros) || change.budgetMicros < 0)) {
    return refuse("invalid_request", "budget must be a non-negative amount", { field: "budget_usd" });
  }
  const invalid = checkLimits(change.limits);
  if (invalid !== null) return invalid;
  const limits = change.limits ?? loaded.config.limits ?? NO_LIMITS;
  const row: AgentRow = {
    ...loaded.row,
    budgetMicros: change.budgetMicros ?? loaded.row.budgetMicros,
    status: change.status ?? loaded.row.status,
    rpmLimit: limits.requestsPerMinute,
    tpmLimit: limits.tokensPerMinute,
    concurrencyLimit: limits.concurrentRequests,
    disconnectPolicy: change.disconnectPolicy ?? loaded.row.disconnectPolicy,
    updatedAt: nowIso(),
  };
  const next = { ...loaded.config, budgetMicros: row.budgetMicros, status: row.status, limits, disconnectPolicy: row.disconnectPolicy };
  const db = drizzle(env.DB);
  const set = { budgetMicros: row.budgetMicros, status: row.status, rpmLimit: row.rpmLimit, tpmLimit: row.tpmLimit, concurrencyLimit: row.concurrencyLimit, disconnectPolicy: row.disconnectPolicy, updatedAt: row.updatedAt };
  const snapshot = await configureThenCommit(budgetStub(env, agentId), { next, previous: loaded.config, failClosed: change.status === "suspended" || change.status === "deleted" }, () =>
    commitAgentChange(env, agentId, auditOrSystem(options, defaultAction(change)), changedFields(agentState(loaded.row), agentState(row)), () => [
      drizzleStatement(env.DB, db.update(agents).set(set).where(eq(agents.id, agentId))),
    ]),
  );
  return { ...snapshot, row };
}

/** The action a system-made change (tests, tools) is recorded under; the control API passes its route's own. */
function defaultAction(change: AgentStateChange): string {
  if (change.status === "suspended") return "agent.suspend";
  if (change.status === "active") return "agent.activate";
  if (change.budgetMicros !== undefined) return "limit.set_agent_budget";
  if (change.limits !== undefined) return "limit.set_agent_rate_limits";
  return "agent.update";
}
