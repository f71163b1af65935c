import { resolvePeriod, type Period, type PeriodName } from "../../../analytics/period";
import type { Scope } from "../../../analytics/scope";
import { controlRefusal, type ControlRefusal } from "../../openapi/control-errors";
import type { Actor } from "../../openapi/roles";
import { canRead, ownerFilter } from "../shared";

/**
 * Whose figures the caller gets: admins and viewers everything, users only their own agents. An `agent_id` the
 * caller may not see is NOT_FOUND (as on the agent routes: other users' ids are not confirmed); a `project_id`
 * must exist, and a user still sees only their own agents in it.
 */
export async function scopeFor(db: D1Database, actor: Actor, filters: { agent_id?: string | undefined; project_id?: string | undefined }): Promise<Scope | ControlRefusal<"NOT_FOUND">> {
  const agentId = filters.agent_id ?? null;
  const projectId = filters.project_id ?? null;
  if (agentId !== null) {
    const row = await db.prepare("SELECT owner_id FROM agents WHERE id = ?").bind(agentId).first<{ owner_id: string | null }>();
    if (row === null || !canRead(actor, row.owner_id)) return controlRefusal("NOT_FOUND", "No such agent.");
  }
  if (projectId !== null) {
    const row = await db.prepare("SELECT id FROM projects WHERE id = ?").bind(projectId).first<{ id: string }>();
    if (row === null) return controlRefusal("NOT_FOUND", "No such project.");
  }
  return { ownerId: ownerFilter(actor), agentId, projectId };
}

/** The query's period, or a VALIDATION_ERROR naming `query.from` / `query.to`. */
export function periodOf(query: { period: PeriodName; from?: string | undefined; to?: string | undefined }, nowMs: number): Period | ControlRefusal<"VALIDATION_ERROR"> {
  const period = resolvePeriod(query.period, query.from, query.to, nowMs);
  if (!Array.isArray(period)) return period;
  return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: Object.fromEntries(period.map((e) => [e.field, e.message])) });
}
