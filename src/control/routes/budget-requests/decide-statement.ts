import type { RequestStatus } from "./schemas";

export interface Decision {
  readonly id: string;
  readonly status: Exclude<RequestStatus, "pending">;
  readonly reviewerId: string;
  readonly notes: string | null;
  readonly approvedMicros: number | null;
  readonly at: string;
  /** Approval: the claim the approver holds. Reject/cancel: null — the request must not be held by an approval. */
  readonly claimId: string | null;
}

/**
 * Moves a request out of `pending`, guarded in SQL: if, when the batch runs, the request is no longer pending (or
 * is held by someone else's approval), the new status is computed as 'conflict', which the `budget_request_status`
 * CHECK constraint refuses, so the whole batch — the budget change and the audit record included — rolls back.
 * A plain `WHERE status = 'pending'` would not do: updating no row is not an error, and the batch's audit record
 * (and, for an approval, the budget change) would commit anyway.
 */
export function decideStatement(db: D1Database, decision: Decision): D1PreparedStatement {
  const free = decision.claimId === null ? "(claim_expires_at IS NULL OR claim_expires_at <= ?)" : "claim_id = ?";
  return db
    .prepare(
      `UPDATE budget_requests
       SET status = CASE WHEN status = 'pending' AND ${free} THEN ? ELSE 'conflict' END,
           approved_micros = ?, reviewer_id = ?, review_notes = ?, decided_at = ?, claim_id = NULL, claim_expires_at = NULL
       WHERE id = ?`,
    )
    .bind(decision.claimId ?? decision.at, decision.status, decision.approvedMicros, decision.reviewerId, decision.notes, decision.at, decision.id);
}

/** Whether a failed batch was refused by `decideStatement`'s guard (someone else decided the request first). */
export function isDecisionConflict(error: unknown): boolean {
  return /CHECK constraint failed: budget_request_status/i.test(errorText(error));
}

/** Whether a failed insert met another pending request of the same agent (budget_requests_one_pending). */
export function isPendingConflict(error: unknown): boolean {
  return /UNIQUE constraint failed: budget_requests\.agent_id/i.test(errorText(error));
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ""}` : String(error);
}
