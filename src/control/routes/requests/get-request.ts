import { z } from "zod";
import type { RequestRecord } from "../../../audit/request-record";
import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { REQUEST_COLUMNS, requestItem, requestItemSchema } from "./request-item";
import { requestId, visibleTo } from "./request-query";

/** `GET /requests/:id`: one agent request's record; a user gets NOT_FOUND for requests of agents they do not own. */
export const getRequestRoute = defineRoute({
  method: "get",
  path: "/requests/:id",
  operationId: "getRequest",
  summary: "Get one agent request",
  description: "By the request id the agent saw in x-request-id. Admins and viewers see any; a user only requests of agents they own.",
  tags: ["requests"],
  role: "viewer",
  params: z.object({ id: requestId }),
  response: requestItemSchema,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, actor }) => {
    const visible = visibleTo(actor);
    const row = await c.env.DB.prepare(`SELECT ${REQUEST_COLUMNS} FROM request_log WHERE id = ? AND ${visible.sql}`)
      .bind(params.id, ...visible.binds)
      .first<RequestRecord>();
    return row === null ? controlRefusal("NOT_FOUND", "No such request.") : requestItem(row);
  },
});
