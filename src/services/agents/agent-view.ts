import { microsToUsd } from "../../pricing/cost";
import type { AgentRow } from "../../db/schema";
import type { BudgetSnapshot } from "../../../durable-objects/budget/types";

export interface AgentView {
  id: string;
  name: string;
  status: AgentRow["status"];
  owner_id: string | null;
  project_id: string | null;
  provider_ids: string[];
  allowed_models: string[] | null;
  budget_usd: string;
  spent_usd: string;
  reserved_usd: string;
  remaining_usd: string;
  created_at: string;
  updated_at: string;
}

export function agentView(row: AgentRow, budget: BudgetSnapshot | null): AgentView {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    owner_id: row.ownerId,
    project_id: row.projectId,
    provider_ids: row.providerIds,
    allowed_models: row.allowedModels,
    budget_usd: microsToUsd(row.budgetMicros),
    spent_usd: microsToUsd(budget?.spentMicros ?? 0),
    reserved_usd: microsToUsd(budget?.reservedMicros ?? 0),
    remaining_usd: microsToUsd(budget?.remainingMicros ?? row.budgetMicros),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

/** An agent's configuration as the audit log records it before and after a change (no spend, no token). */
export function agentState(row: AgentRow): Record<string, unknown> {
  return {
    name: row.name,
    status: row.status,
    owner_id: row.ownerId,
    project_id: row.projectId,
    provider_ids: row.providerIds,
    allowed_models: row.allowedModels,
    budget_micros: row.budgetMicros,
    rate_limits: { requests_per_minute: row.rpmLimit, tokens_per_minute: row.tpmLimit, concurrent_requests: row.concurrencyLimit },
    disconnect_policy: row.disconnectPolicy,
  };
}
