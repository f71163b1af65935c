import { z } from "zod";
import { isControlRefusal } from "../../openapi/control-errors";
import { listOf, pageQuery } from "../../openapi/common-schemas";
import { defineRoute } from "../../openapi/route";
import { decodeCursor, ownerFilter, pageOf } from "../shared";
import { requestView, SELECT_REQUEST, type RequestRow } from "./request-row";
import { agentIdField, budgetRequestSchema, REQUEST_STATUSES } from "./schemas";

export const listBudgetRequestsRoute = defineRoute({
  method: "get",
  path: "/budget-requests",
  operationId: "listBudgetRequests",
  summary: "List budget change requests, newest first",
  description: "Admins and viewers see every request; users the requests on their own agents and the ones they made.",
  tags: ["budget-requests"],
  role: "viewer",
  query: pageQuery({ status: z.enum(REQUEST_STATUSES).optional(), agent_id: agentIdField.optional() }),
  response: listOf(budgetRequestSchema),
  errors: [],
  handler: async (c, { query, actor }) => {
    const cursor = decodeCursor(query.cursor, 2);
    if (isControlRefusal(cursor)) return cursor;
    const where: string[] = [];
    const binds: (string | number)[] = [];
    const owner = ownerFilter(actor);
    if (owner !== null) {
      where.push("(a.owner_id = ? OR r.requester_id = ?)");
      binds.push(owner, owner);
    }
    if (query.status !== undefined) {
      where.push("r.status = ?");
      binds.push(query.status);
    }
    if (query.agent_id !== undefined) {
      where.push("r.agent_id = ?");
      binds.push(query.agent_id);
    }
    if (cursor !== null) {
      const [at, id] = cursor as [string, string];
      where.push("(r.created_at < ? OR (r.created_at = ? AND r.id < ?))");
      binds.push(at, at, id);
    }
    const sql = `${SELECT_REQUEST} ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY r.created_at DESC, r.id DESC LIMIT ?`;
    const rows = await c.env.DB.prepare(sql).bind(...binds, query.limit + 1).all<RequestRow>();
    const page = pageOf(rows.results, query.limit, (row) => [row.created_at, row.id]);
    return { data: page.data.map(requestView), pagination: page.pagination };
  },
});
