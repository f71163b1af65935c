import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { nowIso } from "../../db/ids";
import { agents, projects } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import { budgetStub } from "../agents/budget-stub";
import { loadAgentConfig } from "../agents/load-agent";
import type { BudgetSnapshot } from "../../../durable-objects/budget/types";

/** Puts an agent in a project: from its next request on, it also spends within the project's budget. */
export async function assignAgentToProject(env: Env, agentId: string, projectId: string): Promise<BudgetSnapshot | Refusal> {
  const db = drizzle(env.DB);
  const project = (await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).limit(1))[0];
  if (project === undefined) return refuse("not_found", "project not found", { field: "project_id" });
  const loaded = await loadAgentConfig(env, agentId);
  if (loaded === null) return refuse("not_found", "agent not found");
  await db.update(agents).set({ projectId, updatedAt: nowIso() }).where(eq(agents.id, agentId));
  return budgetStub(env, agentId).configure({ ...loaded.config, projectId });
}
