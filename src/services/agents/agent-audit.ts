import { batchWithAudit } from "../../control/audit/batch-with-audit";
import type { AuditEntry } from "../../control/audit/audit-record";
import { SYSTEM_ACTOR } from "../providers/system-actor";
import type { AgentBudget } from "../../../durable-objects/agent-budget";
import type { BudgetConfig, BudgetSnapshot } from "../../../durable-objects/budget/types";

/**
 * The audit record a control-API caller hands to an agent service: who did it and the route's action. The service
 * names the target and fills `before`/`after` (a caller's own values win). Without one (the dev seed, test
 * fixtures) the change is recorded as the system's, with the service's own action: every change is audited.
 */
export type AgentAudit = Omit<AuditEntry, "targetType" | "targetId" | "outcome">;

export interface AgentServiceOptions {
  readonly audit?: AgentAudit;
}

export function auditOrSystem(options: AgentServiceOptions, action: string): AgentAudit {
  return options.audit ?? { ...SYSTEM_ACTOR, action };
}

/**
 * Commits one agent change with its audit record in the same D1 batch, so both or neither land. `statements` may
 * run more than once (a race on the audit chain rebuilds the batch), so it builds them afresh.
 */
export async function commitAgentChange(
  env: Env,
  agentId: string,
  audit: AgentAudit,
  diff: { before?: unknown; after?: unknown },
  statements: () => D1PreparedStatement[],
): Promise<void> {
  const entry: AuditEntry = { ...audit, before: audit.before ?? diff.before, after: audit.after ?? diff.after, targetType: "agent", targetId: agentId, outcome: "ok" };
  await batchWithAudit(env.DB, entry, statements);
}

/**
 * The budget object is told first (it enforces, so the next request sees the change); then D1 commits. If D1 fails,
 * the object is put back as it was — unless the change closes access (revocation, suspension, deletion): that stays
 * in force (fail closed) and the caller's retry brings D1 in line.
 */
export async function configureThenCommit(
  stub: DurableObjectStub<AgentBudget>,
  change: { next: BudgetConfig; previous: BudgetConfig; failClosed: boolean },
  commit: () => Promise<void>,
): Promise<BudgetSnapshot> {
  const snapshot = await stub.configure(change.next);
  try {
    await commit();
  } catch (error) {
    if (!change.failClosed) await stub.configure(change.previous);
    throw error;
  }
  return snapshot;
}

/** The fields that differ between two states, as the audit record's before/after (unchanged fields left out). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const diff = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    diff.before[key] = before[key];
    diff.after[key] = after[key];
  }
  return diff;
}
