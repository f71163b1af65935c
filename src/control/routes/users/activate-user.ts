import { accountActor } from "../../auth/account-actor";
import { activateUser } from "../../auth/activate-user";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { userIdParams, userJson, userJsonOf } from "./schemas";

export const activateUserRoute = defineRoute({
  method: "post",
  path: "/users/:id/activate",
  operationId: "activateUser",
  summary: "Lift a user's suspension",
  description: "Their API tokens work again; their sessions stay ended (they log in again).",
  tags: ["users"],
  role: "admin",
  audit: "user.activate",
  params: userIdParams,
  response: userJson,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, actor, requestId }) => {
    const user = await activateUser(c.env, accountActor(actor), params.id, { ...auditBy(c, actor, requestId), action: "user.activate" });
    return isAuthRefusal(user) ? routeRefusal(user) : userJsonOf(user);
  },
});
