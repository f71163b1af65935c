import { batchWithAudit } from "../../control/audit/batch-with-audit";
import { controlRefusal, type ControlRefusal } from "../../control/openapi/control-errors";
import type { AuditBy } from "../../control/routes/shared/audit-context";
import { nowIso } from "../../db/ids";
import type { ProjectRow } from "../../db/schema";
import { isUniqueViolation } from "../providers/unique-violation";
import { projectNameTaken } from "./add-project";
import { findProject } from "./find-project";

/** Renames a project or changes its description. Its budget changes only through the limits API (with history). */
export async function updateProject(
  env: Env,
  id: string,
  change: { name?: string; description?: string | null },
  by: AuditBy,
): Promise<ProjectRow | ControlRefusal<"NOT_FOUND" | "CONFLICT">> {
  const row = await findProject(env, id);
  if (row === null) return controlRefusal("NOT_FOUND", "No such project.");
  const next: ProjectRow = { ...row, name: change.name ?? row.name, description: change.description === undefined ? row.description : change.description, updatedAt: nowIso() };
  const before = { name: row.name, description: row.description };
  const after = { name: next.name, description: next.description };
  try {
    await batchWithAudit(env.DB, { ...by, action: "project.update", targetType: "project", targetId: id, outcome: "ok", before, after }, () => [
      env.DB.prepare("UPDATE projects SET name = ?, description = ?, updated_at = ? WHERE id = ?").bind(next.name, next.description, next.updatedAt, id),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) return projectNameTaken(next.name);
    throw error;
  }
  return next;
}
