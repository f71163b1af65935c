import { z } from "zod";
import type { AgentRow } from "../../../db/schema";
import { microsToUsd } from "../../../pricing/cost";
import type { BudgetSnapshot } from "../../../../durable-objects/budget/types";
import { usdAmount, usdText } from "../shared";
import { agentStatus, disconnectPolicy, rateLimitsJson } from "../agents/agent-schemas";
import { RISK_LEVELS, riskLevel } from "../shared/risk-level";

/** An agent's limits: its budget with the live figures that bound it, its rate limits and its disconnect policy. */
export const agentLimitsJson = z
  .object({
    agent_id: z.string(),
    status: agentStatus,
    project_id: z.string().nullable(),
    budget_usd: usdText,
    spent_usd: usdText,
    reserved_usd: usdText,
    leased_out_usd: usdText,
    remaining_usd: usdText,
    risk_level: z.enum(RISK_LEVELS),
    open_leases: z.number().int(),
    rate_limits: rateLimitsJson,
    disconnect_policy: disconnectPolicy,
  })
  .meta({ id: "AgentLimits" });

export interface BudgetFigures {
  spent: number;
  reserved: number;
  leasedOut: number;
}

export function figuresOf(snapshot: BudgetSnapshot | null): BudgetFigures {
  return { spent: snapshot?.spentMicros ?? 0, reserved: snapshot?.reservedMicros ?? 0, leasedOut: snapshot?.leasedOutMicros ?? 0 };
}

/** What is left of `budget` for new requests and leases given what is spent, reserved and leased out (never < 0). */
export function remainingOf(budgetMicros: number, f: BudgetFigures): number {
  return Math.max(0, budgetMicros - f.spent - f.reserved - f.leasedOut);
}

export function agentLimitsOf(row: AgentRow, snapshot: BudgetSnapshot | null): z.input<typeof agentLimitsJson> {
  const f = figuresOf(snapshot);
  const remaining = remainingOf(row.budgetMicros, f);
  return {
    agent_id: row.id,
    status: row.status,
    project_id: row.projectId,
    budget_usd: microsToUsd(row.budgetMicros),
    spent_usd: microsToUsd(f.spent),
    reserved_usd: microsToUsd(f.reserved),
    leased_out_usd: microsToUsd(f.leasedOut),
    remaining_usd: microsToUsd(remaining),
    risk_level: riskLevel(row.budgetMicros, f.spent, remaining),
    open_leases: snapshot?.openLeases ?? 0,
    rate_limits: { requests_per_minute: row.rpmLimit, tokens_per_minute: row.tpmLimit, concurrent_requests: row.concurrencyLimit },
    disconnect_policy: row.disconnectPolicy,
  };
}

/** The body of a budget change. A decrease without `force: true` is refused with a preview of its impact. */
export const budgetChangeBody = z.strictObject({
  budget_usd: usdAmount,
  force: z.boolean().default(false).meta({ description: "Confirms a decrease (after reading its preview)." }),
  reason: z.string().trim().min(1).max(500).optional().meta({ description: "Kept in the budget history." }),
});
