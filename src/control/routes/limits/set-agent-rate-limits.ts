import { isRefusal } from "../../../errors/refusal";
import { updateAgentState } from "../../../services/agents/update-agent-state";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { fromServiceRefusal, liveAgentFor } from "../agents/agent-access";
import { agentIdParams, rateLimitsInput, toRateLimits } from "../agents/agent-schemas";
import { agentLimitsJson, agentLimitsOf } from "./limits-json";

export const setAgentRateLimitsRoute = defineRoute({
  method: "put",
  path: "/limits/agents/:id/rate-limits",
  operationId: "setAgentRateLimits",
  summary: "Set an agent's rate limits",
  description: "Admins. All three limits, each a positive whole number or null (unlimited). Checked by the agent's budget object from the next gateway call on; a call over a limit is refused with `rate_limited` (429).",
  tags: ["limits"],
  role: "admin",
  audit: "limit.set_agent_rate_limits",
  params: agentIdParams,
  body: rateLimitsInput,
  response: agentLimitsJson,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: async (c, { params, body, actor, requestId }) => {
    const agent = await liveAgentFor(c.env, actor, params.id);
    if (isControlRefusal(agent)) return agent;
    const result = await updateAgentState(c.env, agent.row.id, { limits: toRateLimits(body) }, { audit: { ...auditBy(c, actor, requestId), action: "limit.set_agent_rate_limits" } });
    if (isRefusal(result)) return fromServiceRefusal(result);
    return agentLimitsOf(result.row, result);
  },
});
