import { drizzle } from "drizzle-orm/d1";
import { newId, nowIso } from "../../db/ids";
import { projects, type ProjectRow } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import { projectStub } from "./project-stub";

/** Creates a project with an enforced budget shared by the agents assigned to it. */
export async function createProject(env: Env, input: { name: string; budgetMicros: number }): Promise<ProjectRow | Refusal> {
  if (!Number.isSafeInteger(input.budgetMicros) || input.budgetMicros < 0) return refuse("invalid_request", "budget must be a non-negative amount", { field: "budget_usd" });
  const now = nowIso();
  const row: ProjectRow = { id: newId("prj"), name: input.name, budgetMicros: input.budgetMicros, createdAt: now, updatedAt: now };
  await drizzle(env.DB).insert(projects).values(row);
  await projectStub(env, row.id).configure(row.id, row.budgetMicros);
  return row;
}
