import { findUserById } from "../../auth/find-user";
import { toUserView } from "../../auth/user-view";
import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { userIdParams, userJson, userJsonOf } from "./schemas";

export const getUserRoute = defineRoute({
  method: "get",
  path: "/users/:id",
  operationId: "getUser",
  summary: "Get a user",
  description: "Deleted users stay readable (status `deleted`, email replaced), so ids in history keep resolving.",
  tags: ["users"],
  role: "admin",
  params: userIdParams,
  response: userJson,
  errors: ["NOT_FOUND"],
  handler: async (c, { params }) => {
    const row = await findUserById(c.env, params.id);
    return row === null ? controlRefusal("NOT_FOUND", "user not found") : userJsonOf(toUserView(row));
  },
});
