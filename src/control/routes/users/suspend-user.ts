import { accountActor } from "../../auth/account-actor";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { suspendUser } from "../../auth/suspend-user";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { userIdParams, userJson, userJsonOf } from "./schemas";

export const suspendUserRoute = defineRoute({
  method: "post",
  path: "/users/:id/suspend",
  operationId: "suspendUser",
  summary: "Suspend a user",
  description:
    "Their sessions end at once (the next call with an old access token fails) and their API tokens are refused while the suspension " +
    "lasts — not revoked: activation restores them. Not yourself (SELF_ACTION_FORBIDDEN); not the last active admin (LAST_ADMIN).",
  tags: ["users"],
  role: "admin",
  audit: "user.suspend",
  params: userIdParams,
  response: userJson,
  errors: ["NOT_FOUND", "SELF_ACTION_FORBIDDEN", "LAST_ADMIN"],
  handler: async (c, { params, actor, requestId }) => {
    const user = await suspendUser(c.env, accountActor(actor), params.id, { ...auditBy(c, actor, requestId), action: "user.suspend" });
    return isAuthRefusal(user) ? routeRefusal(user) : userJsonOf(user);
  },
});
