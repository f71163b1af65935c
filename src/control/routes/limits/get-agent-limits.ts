import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { agentFor } from "../agents/agent-access";
import { snapshotOf } from "../agents/agent-json";
import { agentIdParams } from "../agents/agent-schemas";
import { agentLimitsJson, agentLimitsOf } from "./limits-json";

export const getAgentLimitsRoute = defineRoute({
  method: "get",
  path: "/limits/agents/:id",
  operationId: "getAgentLimits",
  summary: "Get an agent's limits",
  description: "Budget (with spent, reserved, leased out and remaining from the agent's budget object), rate limits and disconnect policy. Owners, viewers and admins.",
  tags: ["limits"],
  role: "viewer",
  params: agentIdParams,
  response: agentLimitsJson,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, actor }) => {
    const agent = await agentFor(c.env, actor, params.id, "read");
    if (isControlRefusal(agent)) return agent;
    return agentLimitsOf(agent.row, await snapshotOf(c.env, agent.row.id));
  },
});
