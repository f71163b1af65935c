import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { projects, type ProjectRow } from "../../db/schema";
import { projectDetail, type ProjectDetail } from "./project-view";
import { projectStub } from "./project-stub";

export async function findProject(env: Env, id: string): Promise<ProjectRow | null> {
  return (await drizzle(env.DB).select().from(projects).where(eq(projects.id, id)).limit(1))[0] ?? null;
}

/** Live (not deleted) agents per project, for a page of project ids. */
export async function projectAgentCounts(env: Env, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await env.DB.prepare(
    "SELECT project_id, COUNT(*) AS n FROM agents WHERE status != 'deleted' AND project_id IN (SELECT value FROM json_each(?)) GROUP BY project_id",
  )
    .bind(JSON.stringify(ids))
    .all<{ project_id: string; n: number }>();
  return new Map(rows.results.map((row) => [row.project_id, row.n]));
}

/** The project row with its agent count and its budget object's snapshot. */
export async function loadProjectDetail(env: Env, row: ProjectRow): Promise<ProjectDetail> {
  const [counts, snapshot] = await Promise.all([projectAgentCounts(env, [row.id]), projectStub(env, row.id).snapshot()]);
  return projectDetail(row, counts.get(row.id) ?? 0, snapshot);
}
