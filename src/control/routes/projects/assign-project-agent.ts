import { z } from "zod";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { assignProjectAgent } from "../../../services/projects/assign-project-agent";
import { loadProjectDetail } from "../../../services/projects/find-project";
import { agentId, projectDetailSchema, projectIdParams } from "./schemas";

export const assignProjectAgentRoute = defineRoute({
  method: "post",
  path: "/projects/:id/agents",
  operationId: "assignProjectAgent",
  summary: "Assign an agent to the project",
  description:
    "From its next call on the agent spends within the project's budget as well as its own. An agent in another project moves (its unused slice goes back there). " +
    "The project's policy applies to the agent within the policy cache lag (≤ ~65 s; at once in this location).",
  tags: ["projects"],
  role: "admin",
  audit: "project.assign_agent",
  params: projectIdParams,
  body: z.strictObject({ agent_id: agentId }),
  response: projectDetailSchema,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, body, actor, requestId }) => {
    const assigned = await assignProjectAgent(c.env, params.id, body.agent_id, auditBy(c, actor, requestId));
    return isControlRefusal(assigned) ? assigned : loadProjectDetail(c.env, assigned.project);
  },
});
