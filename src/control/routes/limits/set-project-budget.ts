import { z } from "zod";
import { findProject } from "../../../services/projects/find-project";
import { setProjectBudget } from "../../../services/projects/set-project-budget";
import { projectStub } from "../../../services/projects/project-stub";
import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { projectId } from "../agents/agent-schemas";
import { budgetChangeBody } from "./limits-json";
import { projectBudgetJson, projectBudgetOf, projectBudgetPreview } from "./project-budget-preview";

async function memberAgents(db: D1Database, id: string): Promise<number> {
  const row = await db.prepare("SELECT COUNT(*) AS n FROM agents WHERE project_id = ? AND status != 'deleted'").bind(id).first<{ n: number }>();
  return row?.n ?? 0;
}

export const setProjectBudgetRoute = defineRoute({
  method: "put",
  path: "/limits/projects/:id/budget",
  operationId: "setProjectBudget",
  summary: "Set a project's budget",
  description:
    "Admins. The same rule as an agent's budget: an increase applies, a decrease needs `force: true` (else CONFIRMATION_REQUIRED with a preview in `error.details`). The project's budget object learns first; the project row, the budget history and the audit record commit together.",
  tags: ["limits"],
  role: "admin",
  audit: "limit.set_project_budget",
  params: z.object({ id: projectId }),
  body: budgetChangeBody,
  response: projectBudgetJson,
  errors: ["NOT_FOUND", "CONFLICT", "CONFIRMATION_REQUIRED"],
  handler: async (c, { params, body, actor, requestId }) => {
    const project = await findProject(c.env, params.id);
    if (project === null) return controlRefusal("NOT_FOUND", "No such project.");
    if (body.budget_usd < project.budgetMicros && !body.force) {
      const snapshot = await projectStub(c.env, project.id).snapshot();
      const preview = projectBudgetPreview(project, snapshot, body.budget_usd, await memberAgents(c.env.DB, project.id));
      return controlRefusal("CONFIRMATION_REQUIRED", "This lowers the project's budget; check `details` and send the request again with `force: true`.", { details: preview });
    }
    const applied = await setProjectBudget(c.env, {
      projectId: project.id,
      newMicros: body.budget_usd,
      reason: body.reason ?? null,
      audit: { ...auditBy(c, actor, requestId), action: "limit.set_project_budget", ...(body.reason === undefined ? {} : { after: { budget_micros: body.budget_usd, reason: body.reason } }) },
    });
    if (applied === null) return controlRefusal("NOT_FOUND", "No such project.");
    if (applied === "conflict") return controlRefusal("CONFLICT", "The project's budget was changed by someone else meanwhile; read it again and retry.");
    return projectBudgetOf(project.id, body.budget_usd, applied.oldMicros, applied.snapshot);
  },
});
