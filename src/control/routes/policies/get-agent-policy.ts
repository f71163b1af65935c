import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { findPolicy } from "../../../policies/find-policy";
import { visibleAgent } from "./agent-access";
import { agentIdParams, LAG_NOTE, policyResourceSchema } from "./schemas";

export const getAgentPolicyRoute = defineRoute({
  method: "get",
  path: "/policies/agents/:id",
  operationId: "getAgentPolicy",
  summary: "The policy set on an agent (null: it inherits)",
  description: `Users see their own agents' policies. See /policies/agents/{id}/effective for what applies. ${LAG_NOTE}`,
  tags: ["policies"],
  role: "viewer",
  params: agentIdParams,
  response: policyResourceSchema,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, actor }) => {
    const agent = await visibleAgent(c.env, actor, params.id);
    return isControlRefusal(agent) ? agent : findPolicy(c.env, "agent", agent.id);
  },
});
