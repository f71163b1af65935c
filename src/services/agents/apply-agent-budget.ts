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
 * object is the serialisation point: it applies the new budget only if its budget is still the one read from D1
 * (compare-and-set, budget alone — token, status and limits are never overwritten with a stale copy), so of two
 * changes racing on one agent exactly one goes on and the other answers "conflict" having changed nothing. The
 * winner then commits, in one D1 batch, the agents row (compare-and-set too), a budget history row, any extra
 * statements and the audit record. If that batch fails, the object is set back (again only if still ours) and the
 * error is rethrown; a failed D1 compare-and-set is "conflict". `null`: no such agent (or deleted).
 */
export async function applyAgentBudget(env: Env, change: AgentBudgetChange): Promise<{ snapshot: BudgetSnapshot; oldMicros: number } | null | "conflict"> {
  const loaded = await loadAgentConfig(env, change.agentId);
  if (loaded === null || loaded.row.status === "deleted") return null;
  const oldMicros = loaded.row.budgetMicros;
  const stub = budgetStub(env, change.agentId);
  const snapshot = await stub.setBudget(change.agentId, oldMicros, change.newMicros);
  if (snapshot === null) {
    await healIfIdle(env, change.agentId, oldMicros);
    return "conflict";
  }
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
    await stub.setBudget(change.agentId, change.newMicros, oldMicros);
    if (isGuardAbort(error)) return "conflict";
    throw error;
  }
  return { snapshot, oldMicros };
}

const SETTLE_WAIT_MS = 2_000;

/**
 * The budget object's budget was not the one D1 holds. Normally another change is between its object update and
 * its D1 commit: D1 moves within milliseconds, and there is nothing to do. If D1 has not moved after a while, the
 * object drifted (e.g. a concurrent token or status change wrote it from an older read): it is reloaded from D1,
 * the source of truth, so the caller's retry succeeds.
 */
async function healIfIdle(env: Env, agentId: string, oldMicros: number): Promise<void> {
  for (let waited = 0; waited < SETTLE_WAIT_MS; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fresh = await loadAgentConfig(env, agentId);
    if (fresh === null || fresh.row.budgetMicros !== oldMicros) return;
  }
  const fresh = await loadAgentConfig(env, agentId);
  if (fresh !== null && fresh.row.budgetMicros === oldMicros) await budgetStub(env, agentId).configure(fresh.config);
}
