import { z } from "zod";
import { listUsers } from "../../auth/list-users";
import { listOf, pageQuery } from "../../openapi/common-schemas";
import { isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { decodeCursor, pageOf } from "../shared";
import { humanRole, userJson, userJsonOf, userStatus } from "./schemas";

export const listUsersRoute = defineRoute({
  method: "get",
  path: "/users",
  operationId: "listUsers",
  summary: "List users",
  description: "Newest first. Deleted users only with `status=deleted`.",
  tags: ["users"],
  role: "admin",
  query: pageQuery({
    role: humanRole.optional(),
    status: userStatus.optional().meta({ description: "By default every user except deleted ones." }),
    q: z.string().trim().min(1).max(320).optional().meta({ description: "Email contains this (case-insensitive)." }),
  }),
  response: listOf(userJson),
  errors: [],
  handler: async (c, { query }) => {
    const cursor = decodeCursor(query.cursor, 2);
    if (isControlRefusal(cursor)) return cursor;
    const after = cursor === null ? null : ([String(cursor[0]), String(cursor[1])] as const);
    const rows = await listUsers(c.env, { role: query.role, status: query.status, q: query.q }, { limit: query.limit, after });
    const page = pageOf(rows, query.limit, (row) => [row.createdAt, row.id]);
    return { data: page.data.map(userJsonOf), pagination: page.pagination };
  },
});
