import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { canSeeRequest, loadRequest, requestView } from "./request-row";
import { budgetRequestSchema, requestIdParams } from "./schemas";

export const getBudgetRequestRoute = defineRoute({
  method: "get",
  path: "/budget-requests/:id",
  operationId: "getBudgetRequest",
  summary: "Get a budget change request",
  tags: ["budget-requests"],
  role: "viewer",
  params: requestIdParams,
  response: budgetRequestSchema,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, actor }) => {
    const row = await loadRequest(c.env.DB, params.id);
    if (row === null || !canSeeRequest(actor, row)) return controlRefusal("NOT_FOUND", "No such budget request.");
    return requestView(row);
  },
});
