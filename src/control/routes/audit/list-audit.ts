import { listOf } from "../../openapi/common-schemas";
import type { AuditRow } from "../../audit/audit-record";
import { controlRefusal, isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { decodeCursor, pageOf } from "../shared/cursor";
import { auditItem, auditItemSchema } from "./audit-item";
import { auditQuery, auditWhere } from "./audit-query";

/**
 * `GET /audit`: the audit log, filtered, newest first with a keyset cursor on `seq` — or, with `after_seq`, the
 * records after a seq oldest first, which is how a live tail (`iron audit tail`) polls.
 */
export const listAuditRoute = defineRoute({
  method: "get",
  path: "/audit",
  operationId: "listAuditRecords",
  summary: "Query the audit log (or follow it with after_seq)",
  description:
    "Admins and viewers see every record; a user sees only the records of their own actions (actor.id = them). " +
    "Newest first, paged with `cursor`. Follow mode: `after_seq=N` answers the records with seq > N, oldest first " +
    "(`next_cursor` is null; poll again with the last seq you got). Denied and failed calls are records too.",
  tags: ["audit"],
  role: "viewer",
  query: auditQuery,
  response: listOf(auditItemSchema),
  errors: [],
  handler: async (c, { query, actor }) => {
    if (query.after_seq !== undefined && query.cursor !== undefined) return invalid("query.after_seq", "Use either after_seq (follow) or cursor (paging), not both.");
    const where = auditWhere(query, actor);
    if (query.after_seq !== undefined) {
      const rows = await c.env.DB.prepare(`SELECT * FROM audit_log WHERE ${where.sql} AND seq > ? ORDER BY seq ASC LIMIT ?`)
        .bind(...where.binds, query.after_seq, query.limit)
        .all<AuditRow>();
      return { data: rows.results.map(auditItem), pagination: { next_cursor: null, limit: query.limit } };
    }
    const cursor = decodeCursor(query.cursor, 1);
    if (isControlRefusal(cursor)) return cursor;
    const before = cursor === null ? Number.MAX_SAFE_INTEGER : cursor[0];
    if (typeof before !== "number") return invalid("query.cursor", "Not a cursor this list returned.");
    const rows = await c.env.DB.prepare(`SELECT * FROM audit_log WHERE ${where.sql} AND seq < ? ORDER BY seq DESC LIMIT ?`)
      .bind(...where.binds, before, query.limit + 1)
      .all<AuditRow>();
    const page = pageOf(rows.results, query.limit, (row) => [row.seq]);
    return { data: page.data.map(auditItem), pagination: page.pagination };
  },
});

function invalid(field: string, message: string) {
  return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { [field]: message } });
}
