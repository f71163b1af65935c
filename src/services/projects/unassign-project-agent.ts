import { controlRefusal, type ControlRefusal } from "../../control/openapi/control-errors";
import type { AuditBy } from "../../control/routes/shared/audit-context";
import { agents } from "../../db/schema";
import { drizzle } from "drizzle-orm/d1";
import { and, eq, ne } from "drizzle-orm";
import { moveAgent } from "./move-agent";

/**
 * Takes an agent out of a project: its budget object is reconfigured with no project (it spends only its own budget
 * from its next call on) and the project gets the agent's unused slice back. NOT_FOUND when the agent is not in it.
 */
export async function unassignProjectAgent(env: Env, projectId: string, agentId: string, by: AuditBy): Promise<null | ControlRefusal<"NOT_FOUND">> {
  const member = await drizzle(env.DB)
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.id, agentId), eq(agents.projectId, projectId), ne(agents.status, "deleted")))
    .limit(1);
  if (member.length === 0) return controlRefusal("NOT_FOUND", "No such agent in this project.");
  const moved = await moveAgent(env, { agentId, projectId: null, action: "project.unassign_agent", by });
  return moved === null ? controlRefusal("NOT_FOUND", "No such agent in this project.") : null;
}
