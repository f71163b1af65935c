import { z } from "zod";
import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { closeRequest } from "./decide-request";
import { loadRequest } from "./request-row";
import { budgetRequestSchema, notesField, requestIdParams } from "./schemas";

export const rejectBudgetRequestRoute = defineRoute({
  method: "post",
  path: "/budget-requests/:id/reject",
  operationId: "rejectBudgetRequest",
  summary: "Reject a pending budget change request",
  tags: ["budget-requests"],
  role: "admin",
  audit: "budget_request.reject",
  params: requestIdParams,
  body: z.strictObject({ notes: notesField.meta({ description: "Why it was rejected; shown to the requester." }) }),
  response: budgetRequestSchema,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: async (c, { params, body, actor, requestId }) => {
    const row = await loadRequest(c.env.DB, params.id);
    if (row === null) return controlRefusal("NOT_FOUND", "No such budget request.");
    return closeRequest(c, { actor, requestId, row, status: "rejected", notes: body.notes, action: "budget_request.reject" });
  },
});
