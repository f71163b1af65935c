import { controlRefusal, type ControlRefusal } from "../../control/openapi/control-errors";
import type { AuditBy } from "../../control/routes/shared/audit-context";
import type { ProjectRow } from "../../db/schema";
import type { BudgetSnapshot } from "../../../durable-objects/budget/types";
import { findProject } from "./find-project";
import { moveAgent } from "./move-agent";

/**
 * Puts an agent in a project: from its next call on it spends within the project's budget too. An agent already in
 * another project moves (its unused slice goes back there); assigning it to its own project again changes nothing
 * but is still recorded.
 */
export async function assignProjectAgent(
  env: Env,
  projectId: string,
  agentId: string,
  by: AuditBy,
): Promise<{ project: ProjectRow; snapshot: BudgetSnapshot; previousProjectId: string | null } | ControlRefusal<"NOT_FOUND" | "VALIDATION_ERROR">> {
  const project = await findProject(env, projectId);
  if (project === null) return controlRefusal("NOT_FOUND", "No such project.");
  const moved = await moveAgent(env, { agentId, projectId, action: "project.assign_agent", by });
  if (moved === null) return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { agent_id: "No such agent." } });
  return { project, snapshot: moved.snapshot, previousProjectId: moved.previousProjectId };
}
