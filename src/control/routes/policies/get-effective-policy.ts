import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { intersectAllowLists, mergePolicies } from "../../../policies/merge-policy";
import { readAgentPolicy, readProjectPolicy } from "../../../policies/policy-cache";
import { visibleAgent } from "./agent-access";
import { agentIdParams, effectivePolicySchema, LAG_NOTE } from "./schemas";

export const getEffectivePolicyRoute = defineRoute({
  method: "get",
  path: "/policies/agents/:id/effective",
  operationId: "getEffectivePolicy",
  summary: "The policy that applies to an agent: defaults ← project ← agent",
  description: `Each safety action comes from the most specific level that sets it; the model allow-list is the intersection of every level and the agent's allowed_models. Computed from D1; the gateway follows within the cache lag. ${LAG_NOTE}`,
  tags: ["policies"],
  role: "viewer",
  params: agentIdParams,
  response: effectivePolicySchema,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, actor }) => {
    const agent = await visibleAgent(c.env, actor, params.id);
    if (isControlRefusal(agent)) return agent;
    const [own, project] = await Promise.all([readAgentPolicy(c.env, agent.id), agent.projectId === null ? null : readProjectPolicy(c.env, agent.projectId)]);
    const merged = mergePolicies(project?.policy ?? null, own.policy);
    return {
      agent_id: agent.id,
      project_id: agent.projectId,
      safety: merged.safety,
      sources: merged.sources,
      models: { allow: intersectAllowLists([agent.allowedModels, merged.allowModels]) },
    };
  },
});
