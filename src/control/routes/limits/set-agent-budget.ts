import { microsToUsd } from "../../../pricing/cost";
import { applyAgentBudget } from "../../../services/agents/apply-agent-budget";
import { controlRefusal, isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy, usdText } from "../shared";
import { liveAgentFor } from "../agents/agent-access";
import { snapshotOf } from "../agents/agent-json";
import { agentIdParams } from "../agents/agent-schemas";
import { agentBudgetPreview } from "./agent-budget-preview";
import { agentLimitsJson, agentLimitsOf, budgetChangeBody } from "./limits-json";

export const setAgentBudgetRoute = defineRoute({
  method: "put",
  path: "/limits/agents/:id/budget",
  operationId: "setAgentBudget",
  summary: "Set an agent's budget",
  description:
    "Admins. An increase applies at once. A decrease needs `force: true`: without it the answer is CONFIRMATION_REQUIRED (409) with a preview of its impact in `error.details`, and nothing changes. Applied budgets reach the agent's budget object before the next gateway call, and are kept in the budget history.",
  tags: ["limits"],
  role: "admin",
  audit: "limit.set_agent_budget",
  params: agentIdParams,
  body: budgetChangeBody,
  response: agentLimitsJson.extend({ previous_budget_usd: usdText }).meta({ id: "AgentBudgetSet" }),
  errors: ["NOT_FOUND", "CONFLICT", "CONFIRMATION_REQUIRED"],
  handler: async (c, { params, body, actor, requestId }) => {
    const agent = await liveAgentFor(c.env, actor, params.id);
    if (isControlRefusal(agent)) return agent;
    if (body.budget_usd < agent.row.budgetMicros && !body.force) {
      const preview = agentBudgetPreview(agent.row, await snapshotOf(c.env, agent.row.id), body.budget_usd);
      return controlRefusal("CONFIRMATION_REQUIRED", "This lowers the agent's budget; check `details` and send the request again with `force: true`.", { details: preview });
    }
    const applied = await applyAgentBudget(c.env, {
      agentId: agent.row.id,
      newMicros: body.budget_usd,
      source: "limit_set",
      reason: body.reason ?? null,
      audit: { ...auditBy(c, actor, requestId), action: "limit.set_agent_budget", ...(body.reason === undefined ? {} : { after: { budget_micros: body.budget_usd, reason: body.reason } }) },
    });
    if (applied === null) return controlRefusal("NOT_FOUND", "No such agent.");
    if (applied === "conflict") return controlRefusal("CONFLICT", "The agent's budget was changed by someone else meanwhile; read it again and retry.");
    return { ...agentLimitsOf({ ...agent.row, budgetMicros: body.budget_usd }, applied.snapshot), previous_budget_usd: microsToUsd(applied.oldMicros) };
  },
});
