import { z } from "zod";
import { pageQuery } from "../../openapi/common-schemas";
import type { Actor } from "../../openapi/roles";
import { isoTimeQuery } from "../audit/query-time";

const id = z.string().min(1).max(200);
export const requestId = z.string().regex(/^req_[0-9A-Za-z]{1,64}$/, "A request id (req_…).");

/** `GET /requests`'s query: filters, keyset paging (`cursor`) or follow mode (`after`). Strict. */
export const requestsQuery = pageQuery({
  agent_id: id.optional(),
  lease_id: id.optional().meta({ description: "Requests that spent from this lease." }),
  model: id.optional(),
  provider_id: id.optional(),
  outcome: z.enum(["ok", "refused", "upstream_error", "client_aborted", "incomplete", "overproduced", "safety_blocked"]).optional(),
  status: z.coerce.number().int().min(100).max(599).optional().meta({ description: "The HTTP status the agent got." }),
  stream: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  api_shape: z.enum(["openai", "anthropic"]).optional(),
  tag: z.string().min(1).max(64).optional().meta({ description: "Requests carrying this audit tag (`x-iron-tags`)." }),
  safety: z.enum(["any", "secrets", "pii", "injection"]).optional().meta({ description: "Requests with safety findings (any, or of this category)." }),
  from: isoTimeQuery.optional().meta({ description: "Requests settled at or after this time." }),
  to: isoTimeQuery.optional().meta({ description: "Requests settled before this time." }),
  after: requestId.optional().meta({
    description:
      "Follow mode (live tail): the requests recorded after this one (a request id you got), oldest first, in the order " +
      "they reached the log. Poll again with the last id you got; a full page means more are waiting. Not with `cursor`.",
  }),
});

export type RequestsQuery = z.output<typeof requestsQuery>;

/** A user sees only requests of agents they own; admins and viewers see all. */
export function visibleTo(actor: Actor): { sql: string; binds: string[] } {
  return actor.role === "user" ? { sql: "agent_id IN (SELECT id FROM agents WHERE owner_id = ?)", binds: [actor.id] } : { sql: "1 = 1", binds: [] };
}

/** The WHERE clause (with its bound values) of a filtered read, visibility included. */
export function requestsWhere(query: RequestsQuery, actor: Actor): { sql: string; binds: (string | number)[] } {
  const visible = visibleTo(actor);
  const conditions: string[] = [visible.sql];
  const binds: (string | number)[] = [...visible.binds];
  const add = (condition: string, value: string | number): void => {
    conditions.push(condition);
    binds.push(value);
  };
  if (query.agent_id !== undefined) add("agent_id = ?", query.agent_id);
  if (query.lease_id !== undefined) add("lease_id = ?", query.lease_id);
  if (query.model !== undefined) add("model = ?", query.model);
  if (query.provider_id !== undefined) add("provider_id = ?", query.provider_id);
  if (query.outcome !== undefined) add("outcome = ?", query.outcome);
  if (query.status !== undefined) add("status = ?", query.status);
  if (query.stream !== undefined) add("stream = ?", query.stream ? 1 : 0);
  if (query.api_shape !== undefined) add("api_shape = ?", query.api_shape);
  if (query.tag !== undefined) add("EXISTS (SELECT 1 FROM json_each(request_log.tags) WHERE json_each.value = ?)", query.tag);
  if (query.safety === "any") conditions.push("safety IS NOT NULL");
  else if (query.safety !== undefined) add("EXISTS (SELECT 1 FROM json_each(request_log.safety) WHERE json_extract(json_each.value, '$.category') = ?)", query.safety);
  if (query.from !== undefined) add("created_at >= ?", query.from);
  if (query.to !== undefined) add("created_at < ?", query.to);
  return { sql: conditions.join(" AND "), binds };
}
