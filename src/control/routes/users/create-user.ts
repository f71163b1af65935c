import { z } from "zod";
import { accountActor } from "../../auth/account-actor";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { createUser } from "../../auth/create-user";
import { generatePassword } from "../../auth/generate-password";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { humanRole, passwordInput, userJsonOf, userWithPasswordJson } from "./schemas";

export const createUserRoute = defineRoute({
  method: "post",
  path: "/users",
  operationId: "createUser",
  summary: "Create a user",
  description: "Leave `password` out to have one generated: it is in this answer only (`generated_password`). Emails are unique whatever their case.",
  tags: ["users"],
  role: "admin",
  audit: "user.create",
  status: 201,
  body: z.strictObject({ email: z.string().min(1).max(320), password: passwordInput.optional().meta({ description: "At least 12 characters, at most 256." }), role: humanRole }),
  response: userWithPasswordJson,
  errors: ["EMAIL_TAKEN"],
  handler: async (c, { body, actor, requestId }) => {
    const password = body.password ?? generatePassword();
    const user = await createUser(c.env, accountActor(actor), { email: body.email, password, role: body.role }, { ...auditBy(c, actor, requestId), action: "user.create" });
    if (isAuthRefusal(user)) return routeRefusal(user);
    return body.password === undefined ? { ...userJsonOf(user), generated_password: password } : userJsonOf(user);
  },
});
