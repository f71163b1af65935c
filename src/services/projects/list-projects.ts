import { drizzle } from "drizzle-orm/d1";
import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import { isControlRefusal, type ControlRefusal } from "../../control/openapi/control-errors";
import { decodeCursor, pageOf } from "../../control/routes/shared/cursor";
import { projects } from "../../db/schema";
import { projectAgentCounts } from "./find-project";
import { projectView, type ProjectView } from "./project-view";

/** One page of projects, oldest first (keyset on created_at, id), with their live agent counts. */
export async function listProjects(
  env: Env,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ data: ProjectView[]; pagination: { next_cursor: string | null; limit: number } } | ControlRefusal<"VALIDATION_ERROR">> {
  const after = decodeCursor(page.cursor, 2);
  if (isControlRefusal(after)) return after;
  const where: SQL[] = [];
  if (after !== null) {
    const [at, id] = [String(after[0]), String(after[1])];
    const next = or(gt(projects.createdAt, at), and(eq(projects.createdAt, at), gt(projects.id, id)));
    if (next !== undefined) where.push(next);
  }
  const rows = await drizzle(env.DB)
    .select()
    .from(projects)
    .where(and(...where))
    .orderBy(asc(projects.createdAt), asc(projects.id))
    .limit(page.limit + 1);
  const { data, pagination } = pageOf(rows, page.limit, (row) => [row.createdAt, row.id]);
  const counts = await projectAgentCounts(env, data.map((row) => row.id));
  return { data: data.map((row) => projectView(row, counts.get(row.id) ?? 0)), pagination };
}
