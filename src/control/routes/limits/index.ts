import type { ControlRoute } from "../../openapi/route";
import { getAgentLimitsRoute } from "./get-agent-limits";
import { setAgentBudgetRoute } from "./set-agent-budget";
import { setAgentRateLimitsRoute } from "./set-agent-rate-limits";
import { setProjectBudgetRoute } from "./set-project-budget";

/** The control API's limits routes: admins change budgets and rate limits; owners and viewers read. */
export const limitsRoutes: readonly ControlRoute[] = [getAgentLimitsRoute, setAgentBudgetRoute, setAgentRateLimitsRoute, setProjectBudgetRoute];
