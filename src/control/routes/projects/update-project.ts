import { z } from "zod";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { loadProjectDetail } from "../../../services/projects/find-project";
import { updateProject } from "../../../services/projects/update-project";
import { projectDescription, projectDetailSchema, projectIdParams, projectName } from "./schemas";

export const updateProjectRoute = defineRoute({
  method: "patch",
  path: "/projects/:id",
  operationId: "updateProject",
  summary: "Rename a project or change its description",
  description: "The budget is not changed here: use PUT /limits/projects/:id/budget (it keeps the budget history).",
  tags: ["projects"],
  role: "admin",
  audit: "project.update",
  params: projectIdParams,
  body: z.strictObject({ name: projectName.optional(), description: projectDescription.optional() }),
  response: projectDetailSchema,
  errors: ["NOT_FOUND", "CONFLICT"],
  handler: async (c, { params, body, actor, requestId }) => {
    const change: { name?: string; description?: string | null } = {};
    if (body.name !== undefined) change.name = body.name;
    if (body.description !== undefined) change.description = body.description;
    const row = await updateProject(c.env, params.id, change, auditBy(c, actor, requestId));
    return isControlRefusal(row) ? row : loadProjectDetail(c.env, row);
  },
});
