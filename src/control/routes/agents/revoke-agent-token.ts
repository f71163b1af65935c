import { isRefusal } from "../../../errors/refusal";
import { revokeAgentToken } from "../../../services/agents/token-lifecycle";
import { controlRefusal, isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { fromServiceRefusal, liveAgentFor } from "./agent-access";
import { agentIdParams } from "./agent-schemas";

export const revokeAgentTokenRoute = defineRoute({
  method: "delete",
  path: "/agents/:id/token",
  operationId: "revokeAgentToken",
  summary: "Revoke the agent's token",
  description: "Owners and admins. The token is refused from the very next gateway call and its leases close; issue a new one with POST. CONFLICT when there is no live token.",
  tags: ["agents"],
  role: "user",
  audit: "agent.revoke_token",
  params: agentIdParams,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: async (c, { params, actor, requestId }) => {
    const agent = await liveAgentFor(c.env, actor, params.id);
    if (isControlRefusal(agent)) return agent;
    const result = await revokeAgentToken(c.env, agent.row.id, { audit: { ...auditBy(c, actor, requestId), action: "agent.revoke_token" } });
    if (isRefusal(result)) return fromServiceRefusal(result);
    return result.revoked ? null : controlRefusal("CONFLICT", "The agent has no live token.");
  },
});
