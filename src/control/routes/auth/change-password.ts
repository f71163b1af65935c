import { z } from "zod";
import { accountActor } from "../../auth/account-actor";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { changeOwnPassword } from "../../auth/change-own-password";
import { defineRoute } from "../../openapi/route";
import { auditBy, clientIp } from "../shared";
import { passwordInput, sessionJson, sessionJsonOf } from "./schemas";

export const changePasswordRoute = defineRoute({
  method: "post",
  path: "/auth/password",
  operationId: "changeOwnPassword",
  summary: "Change your own password",
  description:
    "Needs the current password (throttled like logins). Every session of the user ends at once — other devices must log in again — and " +
    "the answer is a fresh session, so the caller stays signed in. API tokens are separate credentials and keep working.",
  tags: ["auth"],
  role: "viewer",
  audit: "auth.change_password",
  body: z.strictObject({ current_password: passwordInput, new_password: passwordInput.meta({ description: "At least 12 characters, at most 256." }) }),
  response: sessionJson,
  errors: ["INVALID_CREDENTIALS", "TOO_MANY_ATTEMPTS", "NOT_FOUND", "AUTH_MISCONFIGURED"],
  handler: async (c, { body, actor, requestId }) => {
    const change = { currentPassword: body.current_password, newPassword: body.new_password, ip: clientIp(c), userAgent: c.req.header("user-agent") ?? null };
    const session = await changeOwnPassword(c.env, accountActor(actor).userId, change, { ...auditBy(c, actor, requestId), action: "auth.change_password" });
    return isAuthRefusal(session) ? routeRefusal(session) : sessionJsonOf(session);
  },
});
