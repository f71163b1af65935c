import type { ControlRoute } from "../../openapi/route";
import { getBudgetStatusRoute } from "./get-budget-status";
import { getForecastRoute } from "./get-forecast";
import { getModelUsageRoute } from "./get-model-usage";
import { getSpendRoute } from "./get-spend";
import { getTimeseriesRoute } from "./get-timeseries";

/** The control API's analytics routes: usage from the hourly rollups, budgets from the budget objects. */
export const analyticsRoutes: readonly ControlRoute[] = [getSpendRoute, getTimeseriesRoute, getModelUsageRoute, getBudgetStatusRoute, getForecastRoute];
