import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { closeRequest } from "./decide-request";
import { canSeeRequest, loadRequest } from "./request-row";
import { budgetRequestSchema, requestIdParams } from "./schemas";

export const cancelBudgetRequestRoute = defineRoute({
  method: "post",
  path: "/budget-requests/:id/cancel",
  operationId: "cancelBudgetRequest",
  summary: "Withdraw a pending budget change request",
  description: "The requester or an admin; only pending requests. The owner of the agent who did not make the request gets FORBIDDEN.",
  tags: ["budget-requests"],
  role: "user",
  audit: "budget_request.cancel",
  params: requestIdParams,
  response: budgetRequestSchema,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: async (c, { params, actor, requestId }) => {
    const row = await loadRequest(c.env.DB, params.id);
    if (row === null || !canSeeRequest(actor, row)) return controlRefusal("NOT_FOUND", "No such budget request.");
    if (actor.role !== "admin" && row.requester_id !== actor.id) return controlRefusal("FORBIDDEN", "Only the requester or an admin can cancel a budget request.");
    return closeRequest(c, { actor, requestId, row, status: "cancelled", notes: null, action: "budget_request.cancel" });
  },
});
