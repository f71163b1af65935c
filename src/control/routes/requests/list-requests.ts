import type { RequestRecord } from "../../../audit/request-record";
import { listOf } from "../../openapi/common-schemas";
import { controlRefusal, isControlRefusal } from "../../openapi/control-errors";
import { defineRoute, type ControlContext } from "../../openapi/route";
import type { Actor } from "../../openapi/roles";
import { decodeCursor, pageOf } from "../shared/cursor";
import { REQUEST_COLUMNS, requestItem, requestItemSchema } from "./request-item";
import { requestsQuery, requestsWhere, visibleTo, type RequestsQuery } from "./request-query";

/**
 * `GET /requests`: the per-request records of agent calls, newest first (keyset on created_at, id) — or, with
 * `after`, the records that reached the log after a given one, oldest first, for a live tail.
 */
export const listRequestsRoute = defineRoute({
  method: "get",
  path: "/requests",
  operationId: "listRequests",
  summary: "List agent requests (or follow them with after)",
  description:
    "One record per agent call through the gateway: tokens, cost, outcome, latency; never prompts or keys. Admins and " +
    "viewers see every request; a user sees the requests of agents they own. Newest first, paged with `cursor`. Follow " +
    "mode: `after=<request id>` answers what was recorded after that request, oldest first (`next_cursor` is null). " +
    "Records arrive a moment after the call (delivery from the budget object), and follow mode goes by arrival, so a " +
    "late record is not skipped.",
  tags: ["requests"],
  role: "viewer",
  query: requestsQuery,
  response: listOf(requestItemSchema),
  errors: [],
  handler: async (c, { query, actor }) => {
    if (query.after !== undefined && query.cursor !== undefined) return invalid("query.after", "Use either after (follow) or cursor (paging), not both.");
    if (query.after !== undefined) return follow(c, query, actor, query.after);
    const cursor = decodeCursor(query.cursor, 2);
    if (isControlRefusal(cursor)) return cursor;
    const where = requestsWhere(query, actor);
    let keyset = "";
    const binds: (string | number)[] = [...where.binds];
    if (cursor !== null) {
      const [at, id] = cursor;
      if (typeof at !== "string" || typeof id !== "string") return invalid("query.cursor", "Not a cursor this list returned.");
      keyset = " AND (created_at < ? OR (created_at = ? AND id < ?))";
      binds.push(at, at, id);
    }
    const rows = await c.env.DB.prepare(`SELECT ${REQUEST_COLUMNS} FROM request_log WHERE ${where.sql}${keyset} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .bind(...binds, query.limit + 1)
      .all<RequestRecord>();
    const page = pageOf(rows.results, query.limit, (row) => [row.created_at, row.id]);
    return { data: page.data.map(requestItem), pagination: page.pagination };
  },
});

/**
 * Follow mode goes by the table's rowid, which grows with every insert: the order records reached D1. A key on
 * created_at would skip a record that the budget object delivered after the poller had passed its time.
 */
async function follow(c: ControlContext, query: RequestsQuery, actor: Actor, after: string) {
  const visible = visibleTo(actor);
  const anchor = await c.env.DB.prepare(`SELECT rowid AS position FROM request_log WHERE id = ? AND ${visible.sql}`)
    .bind(after, ...visible.binds)
    .first<{ position: number }>();
  if (anchor === null) return invalid("query.after", "No such request (or not one of yours).");
  const where = requestsWhere(query, actor);
  const rows = await c.env.DB.prepare(`SELECT ${REQUEST_COLUMNS} FROM request_log WHERE ${where.sql} AND rowid > ? ORDER BY rowid ASC LIMIT ?`)
    .bind(...where.binds, anchor.position, query.limit)
    .all<RequestRecord>();
  return { data: rows.results.map(requestItem), pagination: { next_cursor: null, limit: query.limit } };
}

function invalid(field: string, message: string) {
  return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { [field]: message } });
}
