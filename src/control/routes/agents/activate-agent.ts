import { defineRoute } from "../../openapi/route";
import { agentIdParams, agentJson } from "./agent-schemas";
import { setAgentStatus } from "./set-agent-status";

export const activateAgentRoute = defineRoute({
  method: "post",
  path: "/agents/:id/activate",
  operationId: "activateAgent",
  summary: "Reactivate a suspended agent",
  description: "Admins only: a suspension may be an administrator's decision, so an owner cannot lift it. Takes effect on the next gateway call.",
  tags: ["agents"],
  role: "admin",
  audit: "agent.activate",
  params: agentIdParams,
  response: agentJson,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: (c, { params, actor, requestId }) => setAgentStatus(c, { agentId: params.id, actor, requestId, status: "active", action: "agent.activate" }),
});
