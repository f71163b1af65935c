import { batchWithAudit } from "../../control/audit/batch-with-audit";
import { isGuardAbort, requireChanged } from "../../control/auth/guarded-batch";
import type { AuditEntry } from "../../control/audit/audit-record";
import { budgetChangeStatement, type BudgetChange } from "../../control/routes/shared/budget-change";
import type { BudgetSnapshot } from "../../../durable-objects/budget/types";
import { budgetStub } from "./budget-stub";
import { loadAgentConfig } from "./load-agent";

export interface AgentBudgetChange {
  readonly agentId: string;
  readonly newMicros: number;
  readonly source: Exclude<BudgetChange["source"], "create">;
  readonly budgetRequestId?: string | null;
  readonly reason?: string | null;
  /** The audit record of the whole change (its `before`/`after` are filled in here when absent). */
  readonly audit: Omit<AuditEntry, "targetType" | "targetId" | "outcome">;
  /** More statements for the same batch (e.g. the budget request's new status). */
  readonly extra?: (db: D1Database) => D1PreparedStatement[];
}

/**
 * The one way an agent's budget changes after creation (limits, approved budget requests). The agent's budget
 * object is told first — it is what enforces, so the next request sees the new budget (a budget lowered below
 * what is spent leaves the agent exhausted, never negative) — then one D1 batch commits the agents row, a
 * budget history row, any extra statements and the audit record together. The agents row is compare-and-set on
 * the budget read at the start: when another change committed in between, the batch is rolled back and the answer
 * is "conflict" (retry with a fresh read). Whenever the batch does not commit, the budget object is re-synced from
 * D1 — not merely put back — so two racing changes cannot leave the object and D1 disagreeing.
 * `null`: no such agent (or deleted).
 */
export async function applyAgentBudget(env: Env, change: AgentBudgetChange): Promise<{ snapshot: BudgetSnapshot; oldMicros: number } | null | "conflict"> {
  const loaded = await loadAgentConfig(env, change.agentId);
  if (loaded === null || loaded.row.status === "deleted") return null;
  const oldMicros = loaded.row.budgetMicros;
  const stub = budgetStub(env, change.agentId);
  const snapshot = await stub.configure({ ...loaded.config, budgetMicros: change.newMicros });
  const db = env.DB;
  try {
    await batchWithAudit(
      db,
      {
        before: { budget_micros: oldMicros },
        after: { budget_micros: change.newMicros },
        ...change.audit,
        targetType: "agent",
        targetId: change.agentId,
        outcome: "ok",
      },
      () => [
        db.prepare("UPDATE agents SET budget_micros = ?, updated_at = ? WHERE id = ? AND budget_micros = ?").bind(change.newMicros, new Date().toISOString(), change.agentId, oldMicros),
        requireChanged(db),
        budgetChangeStatement(db, {
          targetType: "agent",
          targetId: change.agentId,
          oldMicros,
          newMicros: change.newMicros,
          source: change.source,
          budgetRequestId: change.budgetRequestId ?? null,
          actorId: change.audit.actorId,
          reason: change.reason ?? null,
        }),
        ...(change.extra?.(db) ?? []),
      ],
    );
  } catch (error) {
    const current = await loadAgentConfig(env, change.agentId);
    await stub.configure(current?.config ?? loaded.config);
    if (isGuardAbort(error)) return "conflict";
    throw error;
  }
  return { snapshot, oldMicros };
}
