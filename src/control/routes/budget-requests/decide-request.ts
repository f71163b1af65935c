import { batchWithAudit } from "../../audit/batch-with-audit";
import { controlRefusal, type ControlRefusal } from "../../openapi/control-errors";
import type { Actor } from "../../openapi/roles";
import type { ControlContext } from "../../openapi/route";
import { auditBy } from "../shared";
import { decideStatement, isDecisionConflict } from "./decide-statement";
import { isClaimed, loadRequest, requestView, type RequestRow } from "./request-row";
import type { BudgetRequestJson } from "./schemas";

/** Why a request can no longer be decided, or null when it is pending and free. */
export function undecidable(row: RequestRow, now: string): ControlRefusal<"CONFLICT"> | null {
  if (row.status !== "pending") return controlRefusal("CONFLICT", `The budget request is already ${row.status}; only pending requests can be decided.`, { details: { status: row.status } });
  if (isClaimed(row, now)) return controlRefusal("CONFLICT", "The budget request is being approved right now.", { details: { status: row.status } });
  return null;
}

/**
 * Rejects or cancels a pending request: its status change and its one audit record in one batch. A concurrent
 * decision that got there first makes the batch fail as a whole (see decideStatement), answered as CONFLICT.
 */
export async function closeRequest(
  c: ControlContext,
  input: { actor: Actor; requestId: string; row: RequestRow; status: "rejected" | "cancelled"; notes: string | null; action: string },
): Promise<BudgetRequestJson | ControlRefusal<"CONFLICT">> {
  const { row, actor } = input;
  const at = new Date().toISOString();
  const refused = undecidable(row, at);
  if (refused !== null) return refused;
  const db = c.env.DB;
  const after = { ...row, status: input.status, reviewer_id: actor.id, review_notes: input.notes, decided_at: at };
  try {
    await batchWithAudit(
      db,
      { ...auditBy(c, actor, input.requestId), action: input.action, targetType: "budget_request", targetId: row.id, outcome: "ok", before: requestView(row), after: requestView(after) },
      () => [decideStatement(db, { id: row.id, status: input.status, reviewerId: actor.id, notes: input.notes, approvedMicros: null, at, claimId: null })],
    );
  } catch (error) {
    if (!isDecisionConflict(error)) throw error;
    const now = await loadRequest(db, row.id);
    return undecidable(now ?? row, new Date().toISOString()) ?? controlRefusal("CONFLICT", "The budget request changed meanwhile; try again.");
  }
  return requestView(after);
}
