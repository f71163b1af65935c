import { z } from "zod";
import { accountActor } from "../../auth/account-actor";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { changeRole } from "../../auth/change-role";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { humanRole, userIdParams, userJson, userJsonOf } from "./schemas";

export const changeRoleRoute = defineRoute({
  method: "put",
  path: "/users/:id/role",
  operationId: "changeUserRole",
  summary: "Change a user's role",
  description: "Their sessions end at once; their next login carries the new role. Not yourself (SELF_ACTION_FORBIDDEN); the last active admin cannot be demoted (LAST_ADMIN).",
  tags: ["users"],
  role: "admin",
  audit: "user.change_role",
  params: userIdParams,
  body: z.strictObject({ role: humanRole }),
  response: userJson,
  errors: ["NOT_FOUND", "SELF_ACTION_FORBIDDEN", "LAST_ADMIN"],
  handler: async (c, { params, body, actor, requestId }) => {
    const user = await changeRole(c.env, accountActor(actor), params.id, body.role, { ...auditBy(c, actor, requestId), action: "user.change_role" });
    return isAuthRefusal(user) ? routeRefusal(user) : userJsonOf(user);
  },
});
