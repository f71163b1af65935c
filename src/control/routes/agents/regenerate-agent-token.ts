import { isRefusal } from "../../../errors/refusal";
import { regenerateAgentToken } from "../../../services/agents/token-lifecycle";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { fromServiceRefusal, liveAgentFor } from "./agent-access";
import { agentIdParams, issuedTokenJson } from "./agent-schemas";

export const regenerateAgentTokenRoute = defineRoute({
  method: "post",
  path: "/agents/:id/token",
  operationId: "regenerateAgentToken",
  summary: "Issue a new agent token",
  description: "Owners and admins. The new token is returned once; the previous one (if any) is refused from the very next gateway call, and its leases close.",
  tags: ["agents"],
  role: "user",
  status: 201,
  audit: "agent.regenerate_token",
  params: agentIdParams,
  response: issuedTokenJson,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: async (c, { params, actor, requestId }) => {
    const agent = await liveAgentFor(c.env, actor, params.id);
    if (isControlRefusal(agent)) return agent;
    const issued = await regenerateAgentToken(c.env, agent.row.id, { audit: { ...auditBy(c, actor, requestId), action: "agent.regenerate_token" } });
    if (isRefusal(issued)) return fromServiceRefusal(issued);
    return { agent_id: agent.row.id, token: issued.token, token_label: issued.liveToken.label, token_created_at: issued.liveToken.createdAt };
  },
});
