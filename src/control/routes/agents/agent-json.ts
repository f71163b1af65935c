import type { z } from "zod";
import type { AgentRow } from "../../../db/schema";
import { microsToUsd } from "../../../pricing/cost";
import { budgetStub } from "../../../services/agents/budget-stub";
import type { LiveToken } from "../../../services/agents/load-agent";
import type { BudgetSnapshot } from "../../../../durable-objects/budget/types";
import type { agentJson, agentSummaryJson } from "./agent-schemas";
import { figuresOf, remainingOf } from "../limits/limits-json";
import { percentUsed, riskLevel } from "../shared/risk-level";

export function agentSummaryOf(row: AgentRow): z.input<typeof agentSummaryJson> {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    owner_id: row.ownerId,
    project_id: row.projectId,
    provider_ids: row.providerIds,
    allowed_models: row.allowedModels,
    budget_usd: microsToUsd(row.budgetMicros),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

/**
 * The full view: configuration from D1, money from the budget object (the ledger's source of truth). The budget is
 * the agent's own (the row's): inside a project the object's root limit is the project slice, which is not the
 * agent's budget. Remaining = budget − spent − reserved − leased out, never below 0.
 */
export function agentJsonOf(row: AgentRow, snapshot: BudgetSnapshot | null, token: LiveToken | null): z.input<typeof agentJson> {
  const { spent, reserved, leasedOut } = figuresOf(snapshot);
  const remaining = remainingOf(row.budgetMicros, { spent, reserved, leasedOut });
  return {
    ...agentSummaryOf(row),
    disconnect_policy: row.disconnectPolicy,
    rate_limits: { requests_per_minute: row.rpmLimit, tokens_per_minute: row.tpmLimit, concurrent_requests: row.concurrencyLimit },
    spent_usd: microsToUsd(spent),
    reserved_usd: microsToUsd(reserved),
    leased_out_usd: microsToUsd(leasedOut),
    remaining_usd: microsToUsd(remaining),
    percent_used: percentUsed(row.budgetMicros, spent),
    risk_level: riskLevel(row.budgetMicros, spent, remaining),
    open_leases: snapshot?.openLeases ?? 0,
    open_reservations: snapshot?.openReservations ?? 0,
    token_label: token?.label ?? null,
    token_created_at: token?.createdAt ?? null,
  };
}

/** The agent's live budget figures (its budget object answers; one round trip). */
export function snapshotOf(env: Env, agentId: string): Promise<BudgetSnapshot | null> {
  return budgetStub(env, agentId).snapshot(agentId);
}
