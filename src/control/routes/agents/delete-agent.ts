import { isRefusal } from "../../../errors/refusal";
import { deleteAgent } from "../../../services/agents/delete-agent";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { fromServiceRefusal, liveAgentFor } from "./agent-access";
import { agentIdParams } from "./agent-schemas";

export const deleteAgentRoute = defineRoute({
  method: "delete",
  path: "/agents/:id",
  operationId: "deleteAgent",
  summary: "Delete an agent",
  description:
    "Owners and admins. Revokes its token and closes its leases at once (the next gateway call is refused); open reservations settle but nothing new can be spent. The agent stays readable (status `deleted`) and leaves lists unless asked for with `status=deleted`.",
  tags: ["agents"],
  role: "user",
  audit: "agent.delete",
  params: agentIdParams,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: async (c, { params, actor, requestId }) => {
    const agent = await liveAgentFor(c.env, actor, params.id);
    if (isControlRefusal(agent)) return agent;
    const result = await deleteAgent(c.env, agent.row.id, { audit: { ...auditBy(c, actor, requestId), action: "agent.delete" } });
    if (isRefusal(result)) return fromServiceRefusal(result);
    return null;
  },
});
