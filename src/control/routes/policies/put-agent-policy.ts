import { controlRefusal, isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { canWrite } from "../shared/ownership";
import { findPolicy } from "../../../policies/find-policy";
import { policyDocumentSchema } from "../../../policies/policy-schema";
import { setPolicy } from "../../../policies/set-policy";
import { loosenedFields } from "../../../policies/tighten-only";
import { visibleAgent } from "./agent-access";
import { agentIdParams, LAG_NOTE, policyResourceSchema } from "./schemas";

export const putAgentPolicyRoute = defineRoute({
  method: "put",
  path: "/policies/agents/:id",
  operationId: "putAgentPolicy",
  summary: "Set an agent's policy (replaces it)",
  description:
    "Admins set any policy. An agent's owner may set its policy only to make it stricter than what applies now (every action at least as strict, no model " +
    `allowed that is not allowed now); anything looser is FORBIDDEN with the loosened \`fields\`. ${LAG_NOTE}`,
  tags: ["policies"],
  role: "user",
  audit: "agent_policy.set",
  params: agentIdParams,
  body: policyDocumentSchema,
  response: policyResourceSchema,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, body, actor, requestId }) => {
    const agent = await visibleAgent(c.env, actor, params.id);
    if (isControlRefusal(agent)) return agent;
    if (!canWrite(actor, agent.ownerId)) return controlRefusal("FORBIDDEN", "Only an admin or the agent's owner may change its policy.");
    if (actor.role !== "admin") {
      const [current, project] = await Promise.all([findPolicy(c.env, "agent", agent.id), agent.projectId === null ? null : findPolicy(c.env, "project", agent.projectId)]);
      const loosened = loosenedFields({ projectPolicy: project?.policy ?? null, currentAgentPolicy: current.policy, nextAgentPolicy: body, agentAllowedModels: agent.allowedModels });
      if (Object.keys(loosened).length > 0) return controlRefusal("FORBIDDEN", "Owners may only tighten their agent's policy; ask an admin to loosen it.", { fields: loosened });
    }
    return setPolicy(c.env, "agent", agent.id, body, auditBy(c, actor, requestId));
  },
});
