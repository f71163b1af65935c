import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { findPolicyAgent } from "../../../policies/policy-agent";
import { setPolicy } from "../../../policies/set-policy";
import { agentIdParams, LAG_NOTE } from "./schemas";

export const deleteAgentPolicyRoute = defineRoute({
  method: "delete",
  path: "/policies/agents/:id",
  operationId: "deleteAgentPolicy",
  summary: "Remove an agent's policy: it inherits its project's and the defaults again",
  description: `Admins only (removing a policy can loosen it). Idempotent. ${LAG_NOTE}`,
  tags: ["policies"],
  role: "admin",
  audit: "agent_policy.delete",
  params: agentIdParams,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, actor, requestId }) => {
    if ((await findPolicyAgent(c.env, params.id)) === null) return controlRefusal("NOT_FOUND", "No such agent.");
    await setPolicy(c.env, "agent", params.id, null, auditBy(c, actor, requestId));
    return null;
  },
});
