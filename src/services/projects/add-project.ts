import { batchWithAudit } from "../../control/audit/batch-with-audit";
import { controlRefusal, type ControlRefusal } from "../../control/openapi/control-errors";
import { drizzleStatement, type AuditBy } from "../../control/routes/shared/audit-context";
import { budgetChangeStatement } from "../../control/routes/shared/budget-change";
import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { newId, nowIso } from "../../db/ids";
import { projects, type ProjectRow } from "../../db/schema";
import { isUniqueViolation } from "../providers/unique-violation";
import { projectStub } from "./project-stub";

export interface AddProjectInput {
  name: string;
  budgetMicros: number;
  description?: string | null;
}

/**
 * Creates a project with an enforced budget shared by the agents assigned to it. The budget object is configured
 * first (so the project is enforceable as soon as it is visible), then one batch commits the row, the budget
 * history row (source `create`) and the audit record (`project.create`).
 */
export async function addProject(env: Env, input: AddProjectInput, by: AuditBy): Promise<ProjectRow | ControlRefusal<"VALIDATION_ERROR" | "CONFLICT">> {
  if (!Number.isSafeInteger(input.budgetMicros) || input.budgetMicros < 0) {
    return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { budget_usd: "A non-negative amount." } });
  }
  const db = drizzle(env.DB);
  if ((await db.select({ id: projects.id }).from(projects).where(eq(projects.name, input.name)).limit(1)).length > 0) return projectNameTaken(input.name);
  const now = nowIso();
  const row: ProjectRow = { id: newId("prj"), name: input.name, description: input.description ?? null, budgetMicros: input.budgetMicros, createdAt: now, updatedAt: now };
  await projectStub(env, row.id).configure(row.id, row.budgetMicros);
  const after = { name: row.name, description: row.description, budget_micros: row.budgetMicros };
  try {
    await batchWithAudit(env.DB, { ...by, action: "project.create", targetType: "project", targetId: row.id, outcome: "ok", after }, () => [
      drizzleStatement(env.DB, db.insert(projects).values(row)),
      budgetChangeStatement(env.DB, { targetType: "project", targetId: row.id, oldMicros: null, newMicros: row.budgetMicros, source: "create", actorId: by.actorId }),
    ]);
  } catch (error) {
    // The budget object configured above stays unreachable: no row names it.
    if (isUniqueViolation(error)) return projectNameTaken(input.name);
    throw error;
  }
  return row;
}

export function projectNameTaken(name: string): ControlRefusal<"CONFLICT"> {
  return controlRefusal("CONFLICT", `A project named '${name}' exists.`, { fields: { name: "Taken." } });
}
