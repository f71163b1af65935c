import type { AgentRow } from "../../../db/schema";
import { microsToUsd } from "../../../pricing/cost";
import type { BudgetSnapshot } from "../../../../durable-objects/budget/types";
import { riskLevel } from "../shared/risk-level";
import { figuresOf, remainingOf } from "./limits-json";

/**
 * What lowering an agent's budget would do, for the CONFIRMATION_REQUIRED refusal: the figures now and after, and
 * the consequences — exhausted (spent reaches the new budget), blocked (nothing left for a new request), and
 * leases cut (open leases' unspent headroom no longer fits, so the budget object shrinks them).
 */
export function agentBudgetPreview(row: AgentRow, snapshot: BudgetSnapshot | null, newMicros: number): Record<string, unknown> {
  const f = figuresOf(snapshot);
  const after = remainingOf(newMicros, f);
  return {
    agent_id: row.id,
    current_budget_usd: microsToUsd(row.budgetMicros),
    new_budget_usd: microsToUsd(newMicros),
    spent_usd: microsToUsd(f.spent),
    reserved_usd: microsToUsd(f.reserved),
    leased_out_usd: microsToUsd(f.leasedOut),
    remaining_usd: microsToUsd(remainingOf(row.budgetMicros, f)),
    remaining_after_usd: microsToUsd(after),
    risk_level_after: riskLevel(newMicros, f.spent, after),
    exhausted_after: newMicros <= f.spent,
    blocked_after: after === 0,
    leases_cut: f.leasedOut > Math.max(0, newMicros - f.spent - f.reserved),
    open_leases: snapshot?.openLeases ?? 0,
    open_reservations: snapshot?.openReservations ?? 0,
  };
}
