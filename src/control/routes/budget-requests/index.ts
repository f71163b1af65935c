import type { ControlRoute } from "../../openapi/route";

/** The control API's budget-requests routes. */
export const budgetRequestsRoutes: readonly ControlRoute[] = [];
