import { z } from "zod";
import { pageQuery } from "../../openapi/common-schemas";
import type { Actor } from "../../openapi/roles";
import { isoTimeQuery } from "./query-time";

const id = z.string().min(1).max(200);

/** `GET /audit`'s query: filters, keyset paging (`cursor`) or follow mode (`after_seq`). Strict. */
export const auditQuery = pageQuery({
  actor_id: id.optional().meta({ description: "Records made by this actor (usr_…)." }),
  action: z
    .string()
    .regex(/^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*(?:\.|\.\*)?$/, "An action (agent.create) or a prefix ending in a dot (agent.).")
    .max(100)
    .optional()
    .meta({ description: "Exact (`agent.create`), or every action of a noun with a trailing dot (`agent.`; `agent.*` works too)." }),
  target_type: id.optional(),
  target_id: id.optional(),
  outcome: z.enum(["ok", "denied", "failed"]).optional(),
  request_id: id.optional().meta({ description: "Records written by this call (its x-request-id)." }),
  from: isoTimeQuery.optional().meta({ description: "Records at or after this time (ISO-8601)." }),
  to: isoTimeQuery.optional().meta({ description: "Records before this time (ISO-8601)." }),
  after_seq: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: "Follow mode (live tail): records with seq > after_seq, oldest first. Poll again with the last seq you got; a full page means more are waiting. Not with `cursor`." }),
});

export type AuditQuery = z.output<typeof auditQuery>;

/** The WHERE clause (with its bound values) of a filtered read; users only ever see records they made. */
export function auditWhere(query: AuditQuery, actor: Actor): { sql: string; binds: (string | number)[] } {
  const conditions: string[] = [];
  const binds: (string | number)[] = [];
  const add = (condition: string, ...values: (string | number)[]): void => {
    conditions.push(condition);
    binds.push(...values);
  };
  if (actor.role === "user") add("actor_id = ?", actor.id);
  if (query.actor_id !== undefined) add("actor_id = ?", query.actor_id);
  if (query.action !== undefined) {
    const prefix = query.action.endsWith(".*") ? query.action.slice(0, -1) : query.action;
    // A prefix `agent.` is the range ['agent.', 'agent/'): '/' follows '.', so the action index serves it.
    if (prefix.endsWith(".")) add("action >= ? AND action < ?", prefix, `${prefix.slice(0, -1)}/`);
    else add("action = ?", prefix);
  }
  if (query.target_type !== undefined) add("target_type = ?", query.target_type);
  if (query.target_id !== undefined) add("target_id = ?", query.target_id);
  if (query.outcome !== undefined) add("outcome = ?", query.outcome);
  if (query.request_id !== undefined) add("request_id = ?", query.request_id);
  if (query.from !== undefined) add("at >= ?", query.from);
  if (query.to !== undefined) add("at < ?", query.to);
  return { sql: conditions.length === 0 ? "1 = 1" : conditions.join(" AND "), binds };
}
