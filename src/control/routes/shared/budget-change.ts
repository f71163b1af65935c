import { bytesToBase62 } from "../../../tokens/base62";

export interface BudgetChange {
  readonly targetType: "agent" | "project";
  readonly targetId: string;
  /** null when the object is created with this budget. */
  readonly oldMicros: number | null;
  readonly newMicros: number;
  readonly source: "create" | "limit_set" | "budget_request";
  /** The budget change request (brq_…) behind it, if any. */
  readonly budgetRequestId?: string | null;
  readonly actorId: string | null;
  readonly reason?: string | null;
}

/**
 * One row of the budget history (d1-migrations/0006_budget_changes.sql). Put it in the same `batchWithAudit`
 * batch as the budget change itself, so history, change and audit record commit together.
 */
export function budgetChangeStatement(db: D1Database, change: BudgetChange): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO budget_changes (id, target_type, target_id, old_micros, new_micros, source, request_id, actor_id, reason, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      `bch_${bytesToBase62(crypto.getRandomValues(new Uint8Array(16)))}`,
      change.targetType,
      change.targetId,
      change.oldMicros,
      change.newMicros,
      change.source,
      change.budgetRequestId ?? null,
      change.actorId,
      change.reason ?? null,
      new Date().toISOString(),
    );
}
