import { batchWithAudit } from "../../control/audit/batch-with-audit";
import { isGuardAbort, requireChanged } from "../../control/auth/guarded-batch";
import type { AuditEntry } from "../../control/audit/audit-record";
import { budgetChangeStatement } from "../../control/routes/shared/budget-change";
import type { ProjectSnapshot } from "../../../durable-objects/project/slices";
import { findProject } from "./find-project";
import { projectStub } from "./project-stub";

export interface ProjectBudgetChange {
  readonly projectId: string;
  readonly newMicros: number;
  readonly reason?: string | null;
  /** The audit record of the change (its `before`/`after` are filled in here when absent). */
  readonly audit: Omit<AuditEntry, "targetType" | "targetId" | "outcome">;
}


/**
 * Sets a project's budget, the way `applyAgentBudget` sets an agent's: a compare-and-set on the project's budget
 * object first (it is what lends slices, so no agent is granted more than the new budget from here on; of two racing
 * changes one answers "conflict" having changed nothing), then one D1 batch with the projects row (compare-and-set
 * too), a budget history row and the audit record; the object is set back if that batch fails.
 * `null`: no such project.
 */
export async function setProjectBudget(env: Env, change: ProjectBudgetChange): Promise<{ snapshot: ProjectSnapshot | null; oldMicros: number } | null | "conflict"> {
  const project = await findProject(env, change.projectId);
  if (project === null) return null;
  const stub = projectStub(env, change.projectId);
  const snapshot = await stub.setBudget(change.projectId, project.budgetMicros, change.newMicros);
  if (snapshot === null) return "conflict";
  const db = env.DB;
  try {
    await batchWithAudit(
      db,
      {
        before: { budget_micros: project.budgetMicros },
        after: { budget_micros: change.newMicros },
        ...change.audit,
        targetType: "project",
        targetId: change.projectId,
        outcome: "ok",
      },
      () => [
        db.prepare("UPDATE projects SET budget_micros = ?, updated_at = ? WHERE id = ? AND budget_micros = ?").bind(change.newMicros, new Date().toISOString(), change.projectId, project.budgetMicros),
        requireChanged(db),
        budgetChangeStatement(db, {
          targetType: "project",
          targetId: change.projectId,
          oldMicros: project.budgetMicros,
          newMicros: change.newMicros,
          source: "limit_set",
          actorId: change.audit.actorId,
          reason: change.reason ?? null,
        }),
      ],
    );
  } catch (error) {
    await stub.setBudget(change.projectId, change.newMicros, project.budgetMicros);
    if (isGuardAbort(error)) return "conflict";
    throw error;
  }
  return { snapshot, oldMicros: project.budgetMicros };
}
