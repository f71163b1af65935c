import { defineRoute } from "../../openapi/route";
import { agentIdParams, agentJson } from "./agent-schemas";
import { setAgentStatus } from "./set-agent-status";

export const suspendAgentRoute = defineRoute({
  method: "post",
  path: "/agents/:id/suspend",
  operationId: "suspendAgent",
  summary: "Suspend an agent",
  description: "Owners and admins (an owner's kill switch). The very next gateway call is refused (`agent_suspended`); leases stay open but cannot spend. Only an admin reactivates.",
  tags: ["agents"],
  role: "user",
  audit: "agent.suspend",
  params: agentIdParams,
  response: agentJson,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: (c, { params, actor, requestId }) => setAgentStatus(c, { agentId: params.id, actor, requestId, status: "suspended", action: "agent.suspend" }),
});
