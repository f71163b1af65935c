import { z } from "zod";
import { accountActor } from "../../auth/account-actor";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { updateUserEmail } from "../../auth/update-user-email";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { userIdParams, userJson, userJsonOf } from "./schemas";

export const updateUserRoute = defineRoute({
  method: "patch",
  path: "/users/:id",
  operationId: "updateUser",
  summary: "Change a user's email",
  description:
    "Only `email`. Role, status and password have their own operations (PUT /users/{id}/role, suspend/activate, reset-password), " +
    "each with its own checks and audit action: sending them here is refused (VALIDATION_ERROR), never applied.",
  tags: ["users"],
  role: "admin",
  audit: "user.update",
  params: userIdParams,
  body: z.strictObject({ email: z.string().min(1).max(320) }),
  response: userJson,
  errors: ["NOT_FOUND", "EMAIL_TAKEN"],
  handler: async (c, { params, body, actor, requestId }) => {
    const user = await updateUserEmail(c.env, accountActor(actor), params.id, body.email, { ...auditBy(c, actor, requestId), action: "user.update" });
    return isAuthRefusal(user) ? routeRefusal(user) : userJsonOf(user);
  },
});
