/** How long an approval may hold a request: far longer than one budget-object call and one D1 batch take. */
const CLAIM_MS = 60_000;

/**
 * Takes the request for one approval before the agent's budget object is told anything (applyAgentBudget is
 * budget-object first): of two approvals racing, only the one whose conditional update changed the row goes on.
 * Without it both would configure the budget object, and the loser's rollback would put back a budget that the
 * winner had already replaced. Returns false when the request is not pending or is held by another approval.
 */
export async function claimRequest(db: D1Database, id: string, claimId: string): Promise<boolean> {
  const now = Date.now();
  const result = await db
    .prepare(
      `UPDATE budget_requests SET claim_id = ?, claim_expires_at = ?
       WHERE id = ? AND status = 'pending' AND (claim_expires_at IS NULL OR claim_expires_at <= ?)`,
    )
    .bind(claimId, new Date(now + CLAIM_MS).toISOString(), id, new Date(now).toISOString())
    .run();
  return result.meta.changes === 1;
}

/** Lets go of a claim whose approval did not happen (a no-op once the approval committed: it clears the claim). */
export async function releaseClaim(db: D1Database, id: string, claimId: string): Promise<void> {
  await db.prepare("UPDATE budget_requests SET claim_id = NULL, claim_expires_at = NULL WHERE id = ? AND claim_id = ?").bind(id, claimId).run();
}
