import { z } from "zod";
import { microsToUsd } from "../../../pricing/cost";
import { applyAgentBudget } from "../../../services/agents/apply-agent-budget";
import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy, usdAmount } from "../shared";
import { claimRequest, releaseClaim } from "./claim";
import { undecidable } from "./decide-request";
import { decideStatement, isDecisionConflict } from "./decide-statement";
import { loadRequest, requestView } from "./request-row";
import { approvalSchema, notesField, requestIdParams } from "./schemas";

const ACTION = "budget_request.approve";

export const approveBudgetRequestRoute = defineRoute({
  method: "post",
  path: "/budget-requests/:id/approve",
  operationId: "approveBudgetRequest",
  summary: "Approve a pending budget change request (optionally with another amount)",
  description:
    "Sets the agent's total budget to `amount_usd` (default: the amount requested). The agent's budget object enforces it on the next call. " +
    "A budget below what the agent has already spent is allowed: the review is the confirmation, and the agent is left exhausted, never negative (`applied.remaining_usd` is 0).",
  tags: ["budget-requests"],
  role: "admin",
  audit: ACTION,
  params: requestIdParams,
  body: z.strictObject({
    amount_usd: usdAmount.optional().meta({ description: "The new total budget granted, when it differs from the one requested." }),
    notes: notesField.optional(),
  }),
  response: approvalSchema,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: async (c, { params, body, actor, requestId }) => {
    const db = c.env.DB;
    const row = await loadRequest(db, params.id);
    if (row === null) return controlRefusal("NOT_FOUND", "No such budget request.");
    const refused = undecidable(row, new Date().toISOString());
    if (refused !== null) return refused;
    // Claimed in its own step, before the budget object hears of it: of two racing approvals only one goes on.
    if (!(await claimRequest(db, row.id, requestId))) {
      const now = (await loadRequest(db, row.id)) ?? row;
      return undecidable(now, new Date().toISOString()) ?? controlRefusal("CONFLICT", "The budget request is being approved right now.");
    }

    const amount = body.amount_usd ?? row.requested_micros;
    const notes = body.notes ?? null;
    const at = new Date().toISOString();
    let applied: Awaited<ReturnType<typeof applyAgentBudget>>;
    try {
      applied = await applyAgentBudget(c.env, {
        agentId: row.agent_id,
        newMicros: amount,
        source: "budget_request",
        budgetRequestId: row.id,
        reason: notes ?? row.justification,
        // The one audit record of the approval (its target is the agent; the request is named in `after`).
        audit: { ...auditBy(c, actor, requestId), action: ACTION, after: { budget_micros: amount, budget_request_id: row.id, status: "approved", requested_micros: row.requested_micros, review_notes: notes } },
        extra: (batchDb) => [decideStatement(batchDb, { id: row.id, status: "approved", reviewerId: actor.id, notes, approvedMicros: amount, at, claimId: requestId })],
      });
    } catch (error) {
      // applyAgentBudget has put the budget object back; let go of the request so it can be decided again.
      await releaseClaim(db, row.id, requestId);
      if (isDecisionConflict(error)) return controlRefusal("CONFLICT", "The budget request was decided by someone else meanwhile.");
      throw error;
    }
    if (applied === null) {
      await releaseClaim(db, row.id, requestId);
      return controlRefusal("CONFLICT", "The request's agent has been deleted; reject or cancel the request instead.");
    }
    if (applied === "conflict") {
      await releaseClaim(db, row.id, requestId);
      return controlRefusal("CONFLICT", "The agent's budget was changed by someone else meanwhile; approve again.");
    }
    const { snapshot } = applied;
    return {
      ...requestView({ ...row, status: "approved", approved_micros: amount, reviewer_id: actor.id, review_notes: notes, decided_at: at }),
      applied: {
        old_budget_usd: microsToUsd(applied.oldMicros),
        new_budget_usd: microsToUsd(amount),
        spent_usd: microsToUsd(snapshot.spentMicros),
        remaining_usd: microsToUsd(Math.max(0, snapshot.remainingMicros)),
      },
    };
  },
});
