import { listApiTokens } from "../../auth/list-api-tokens";
import { listOf, pageQuery } from "../../openapi/common-schemas";
import { controlRefusal, isControlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { decodeCursor, pageOf } from "../shared";
import { userId } from "../users/schemas";
import { apiTokenJson, apiTokenJsonOf } from "./schemas";

export const listApiTokensRoute = defineRoute({
  method: "get",
  path: "/api-tokens",
  operationId: "listApiTokens",
  summary: "List your API tokens",
  description: "Your own tokens, newest first, revoked ones included (labels, never the tokens). Admins may pass `user_id` to see someone else's.",
  tags: ["api-tokens"],
  role: "viewer",
  query: pageQuery({ user_id: userId.optional().meta({ description: "Admins only: whose tokens; default yours." }) }),
  response: listOf(apiTokenJson),
  errors: [],
  handler: async (c, { query, actor }) => {
    const owner = query.user_id ?? actor.id;
    if (owner !== actor.id && actor.role !== "admin") return controlRefusal("FORBIDDEN", "Only administrators can list other people's API tokens.");
    const cursor = decodeCursor(query.cursor, 2);
    if (isControlRefusal(cursor)) return cursor;
    const after = cursor === null ? null : ([String(cursor[0]), String(cursor[1])] as const);
    const rows = await listApiTokens(c.env, owner, { limit: query.limit, after });
    const page = pageOf(rows, query.limit, (row) => [row.createdAt, row.id]);
    return { data: page.data.map(apiTokenJsonOf), pagination: page.pagination };
  },
});
