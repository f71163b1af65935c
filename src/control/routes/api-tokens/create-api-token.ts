import { z } from "zod";
import { accountActor } from "../../auth/account-actor";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { createApiToken } from "../../auth/create-api-token";
import { controlRefusal } from "../../openapi/control-errors";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";
import { humanRole } from "../users/schemas";
import { apiTokenJson, apiTokenJsonOf } from "./schemas";

const createdJson = apiTokenJson
  .extend({ token: z.string().meta({ description: "`apitok_…`: shown in this answer only; Iron keeps its SHA-256 hash." }) })
  .meta({ id: "CreatedApiToken" });

export const createApiTokenRoute = defineRoute({
  method: "post",
  path: "/api-tokens",
  operationId: "createApiToken",
  summary: "Create an API token for yourself",
  description:
    "Any signed-in person, for themselves. `role` caps what the token may do (at most your own role); `expires_in_days` 1–365, or no expiry. " +
    "Needs a login session: an API token cannot mint further tokens (a capped or expiring token would otherwise outlive or outrank itself).",
  tags: ["api-tokens"],
  role: "viewer",
  audit: "api_token.create",
  status: 201,
  body: z.strictObject({
    name: z.string().min(1).max(100),
    role: humanRole.optional(),
    expires_in_days: z.number().int().min(1).max(365).optional(),
  }),
  response: createdJson,
  // NOT_FOUND only when the account was suspended or deleted while this call ran.
  errors: ["NOT_FOUND"],
  handler: async (c, { body, actor, requestId }) => {
    if (actor.tokenId !== undefined) return controlRefusal("FORBIDDEN", "API tokens are created from a login session, not with another API token.");
    const input = { userId: accountActor(actor).userId, name: body.name, role: body.role ?? null, expiresInDays: body.expires_in_days ?? null };
    const created = await createApiToken(c.env, input, { ...auditBy(c, actor, requestId), action: "api_token.create" });
    if (isAuthRefusal(created)) return routeRefusal(created);
    return { ...apiTokenJsonOf(created.apiToken), token: created.token };
  },
});
