import { z } from "zod";
import { accountActor } from "../../auth/account-actor";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { generatePassword } from "../../auth/generate-password";
import { resetPassword } from "../../auth/reset-password";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { passwordInput, userIdParams, userJsonOf, userWithPasswordJson } from "./schemas";

export const resetPasswordRoute = defineRoute({
  method: "post",
  path: "/users/:id/reset-password",
  operationId: "resetUserPassword",
  summary: "Set a user's password",
  description: "Send `password`, or send no body (or leave `password` out) to get a generated one, shown in this answer only. Every session of the user ends at once.",
  tags: ["users"],
  role: "admin",
  audit: "user.reset_password",
  params: userIdParams,
  body: z.strictObject({ password: passwordInput.optional().meta({ description: "At least 12 characters, at most 256." }) }).optional(),
  response: userWithPasswordJson,
  errors: ["NOT_FOUND"],
  handler: async (c, { params, body, actor, requestId }) => {
    const chosen = body?.password;
    const password = chosen ?? generatePassword();
    const user = await resetPassword(c.env, accountActor(actor), params.id, password, { ...auditBy(c, actor, requestId), action: "user.reset_password" });
    if (isAuthRefusal(user)) return routeRefusal(user);
    return chosen === undefined ? { ...userJsonOf(user), generated_password: password } : userJsonOf(user);
  },
});
