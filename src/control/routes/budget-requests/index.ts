import type { ControlRoute } from "../../openapi/route";
import { approveBudgetRequestRoute } from "./approve-budget-request";
import { cancelBudgetRequestRoute } from "./cancel-budget-request";
import { createBudgetRequestRoute } from "./create-budget-request";
import { getBudgetRequestRoute } from "./get-budget-request";
import { listBudgetHistoryRoute } from "./list-budget-history";
import { listBudgetRequestsRoute } from "./list-budget-requests";
import { rejectBudgetRequestRoute } from "./reject-budget-request";

/** The control API's budget-requests routes, and the budget history they (and limits) write to. */
export const budgetRequestsRoutes: readonly ControlRoute[] = [
  createBudgetRequestRoute,
  listBudgetRequestsRoute,
  getBudgetRequestRoute,
  approveBudgetRequestRoute,
  rejectBudgetRequestRoute,
  cancelBudgetRequestRoute,
  listBudgetHistoryRoute,
];
