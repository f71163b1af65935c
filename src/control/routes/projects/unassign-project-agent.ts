import { z } from "zod";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { unassignProjectAgent } from "../../../services/projects/unassign-project-agent";
import { agentId } from "./schemas";

export const unassignProjectAgentRoute = defineRoute({
  method: "delete",
  path: "/projects/:id/agents/:agent_id",
  operationId: "unassignProjectAgent",
  summary: "Take an agent out of the project",
  description: "From its next call on the agent spends only its own budget; the project keeps what the agent committed while a member and gets the rest of its slice back.",
  tags: ["projects"],
  role: "admin",
  audit: "project.unassign_agent",
  params: z.object({ id: z.string().regex(/^prj_[0-9A-Za-z]{1,40}$/, "A project id (prj_…)."), agent_id: agentId }),
  errors: ["NOT_FOUND"],
  handler: (c, { params, actor, requestId }) => unassignProjectAgent(c.env, params.id, params.agent_id, auditBy(c, actor, requestId)),
});
