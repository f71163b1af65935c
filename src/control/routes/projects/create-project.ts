import { z } from "zod";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared/audit-context";
import { usdAmount } from "../shared/money";
import { addProject } from "../../../services/projects/add-project";
import { loadProjectDetail } from "../../../services/projects/find-project";
import { projectDescription, projectDetailSchema, projectName } from "./schemas";

export const createProjectRoute = defineRoute({
  method: "post",
  path: "/projects",
  operationId: "createProject",
  summary: "Create a project with an enforced shared budget",
  description: "The budget is enforced across the agents assigned to the project (PUT /limits/projects/:id/budget changes it). Recorded in the budget history (source create).",
  tags: ["projects"],
  role: "admin",
  status: 201,
  audit: "project.create",
  body: z.strictObject({ name: projectName, budget_usd: usdAmount, description: projectDescription.optional() }),
  response: projectDetailSchema,
  errors: ["CONFLICT"],
  handler: async (c, { body, actor, requestId }) => {
    const row = await addProject(c.env, { name: body.name, budgetMicros: body.budget_usd, description: body.description ?? null }, auditBy(c, actor, requestId));
    return isControlRefusal(row) ? row : loadProjectDetail(c.env, row);
  },
});
