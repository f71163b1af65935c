import { z } from "zod";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { setupFirstAdmin } from "../../auth/setup-first-admin";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { userJson, userJsonOf } from "../users/schemas";
import { emailInput, passwordInput } from "./schemas";

export const setupRoute = defineRoute({
  method: "post",
  path: "/auth/setup",
  operationId: "setupFirstAdmin",
  summary: "Create the first admin (one-time setup)",
  description:
    "Only on a deployment with the IRON_SETUP_TOKEN secret set (else SETUP_DISABLED), only with that token (else INVALID_CREDENTIALS), " +
    "and only while there are no users at all (else SETUP_COMPLETED). Then log in with the new credentials.",
  tags: ["auth"],
  role: "public",
  audit: "auth.setup",
  status: 201,
  body: z.strictObject({ setup_token: z.string().min(1).max(1024), email: emailInput, password: passwordInput }),
  response: userJson,
  errors: ["SETUP_DISABLED", "INVALID_CREDENTIALS", "SETUP_COMPLETED"],
  handler: async (c, { body, requestId }) => {
    const input = { setupToken: body.setup_token, email: body.email, password: body.password };
    const admin = await setupFirstAdmin(c.env, input, { ...auditBy(c, null, requestId), action: "auth.setup" });
    return isAuthRefusal(admin) ? routeRefusal(admin) : userJsonOf(admin);
  },
});
