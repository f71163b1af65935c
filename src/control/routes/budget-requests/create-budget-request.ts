import { z } from "zod";
import { bytesToBase62 } from "../../../tokens/base62";
import { batchWithAudit } from "../../audit/batch-with-audit";
import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy, canWrite, usdAmount } from "../shared";
import { isPendingConflict } from "./decide-statement";
import { requestView, type RequestRow } from "./request-row";
import { agentIdField, budgetRequestSchema } from "./schemas";

const pendingConflict = (pendingId: string | null) =>
  controlRefusal("CONFLICT", "This agent already has a pending budget request; cancel it or wait for its review.", pendingId === null ? {} : { details: { pending_request_id: pendingId } });

export const createBudgetRequestRoute = defineRoute({
  method: "post",
  path: "/budget-requests",
  operationId: "createBudgetRequest",
  summary: "Ask for a new total budget for an agent",
  description: "Users ask for their own agents, admins for any. One pending request per agent. `requested_budget_usd` is the new total budget, not an increment; it may be lower than the current one.",
  tags: ["budget-requests"],
  role: "user",
  status: 201,
  audit: "budget_request.create",
  body: z.strictObject({
    agent_id: agentIdField,
    requested_budget_usd: usdAmount,
    justification: z.string().trim().min(10).max(2000).meta({ description: "Why the agent needs this budget (10–2000 characters)." }),
  }),
  response: budgetRequestSchema,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: async (c, { body, actor, requestId }) => {
    const db = c.env.DB;
    const agent = await db.prepare("SELECT owner_id, status, budget_micros FROM agents WHERE id = ?").bind(body.agent_id).first<{ owner_id: string | null; status: string; budget_micros: number }>();
    if (agent === null || agent.status === "deleted" || !canWrite(actor, agent.owner_id)) return controlRefusal("NOT_FOUND", "No such agent.");
    if (agent.budget_micros === body.requested_budget_usd) {
      return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { requested_budget_usd: "This is already the agent's budget." } });
    }
    const pending = await db.prepare("SELECT id FROM budget_requests WHERE agent_id = ? AND status = 'pending'").bind(body.agent_id).first<{ id: string }>();
    if (pending !== null) return pendingConflict(pending.id);

    const row: RequestRow = {
      id: `brq_${bytesToBase62(crypto.getRandomValues(new Uint8Array(16)))}`,
      agent_id: body.agent_id,
      requester_id: actor.id,
      current_micros: agent.budget_micros,
      requested_micros: body.requested_budget_usd,
      approved_micros: null,
      justification: body.justification,
      status: "pending",
      reviewer_id: null,
      review_notes: null,
      created_at: new Date().toISOString(),
      decided_at: null,
      claim_id: null,
      claim_expires_at: null,
      agent_owner_id: agent.owner_id,
    };
    const view = requestView(row);
    try {
      await batchWithAudit(db, { ...auditBy(c, actor, requestId), action: "budget_request.create", targetType: "budget_request", targetId: row.id, outcome: "ok", after: view }, () => [
        db
          .prepare(
            `INSERT INTO budget_requests (id, agent_id, requester_id, current_micros, requested_micros, justification, status, created_at)
             VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
          )
          .bind(row.id, row.agent_id, row.requester_id, row.current_micros, row.requested_micros, row.justification, row.created_at),
      ]);
    } catch (error) {
      // Another request for this agent was created between the check above and this batch.
      if (isPendingConflict(error)) return pendingConflict(null);
      throw error;
    }
    return view;
  },
});
