import { z } from "zod";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { validateToken } from "../../auth/validate-token";
import { defineRoute } from "../../openapi/route";
import { humanRole } from "./schemas";

const validation = z
  .union([
    z.object({
      valid: z.literal(true),
      user_id: z.string(),
      role: humanRole.meta({ description: "The effective role (an API token's cap applied)." }),
      via: z.enum(["session", "api_token"]),
      expires_at: z.string().nullable().meta({ description: "When the token expires; null for an API token without expiry." }),
    }),
    z.object({
      valid: z.literal(false),
      reason: z.enum(["invalid", "expired", "revoked", "agent_token"]).meta({ description: "`agent_token`: an agent or lease token, which works on the gateway only, never on the control API." }),
    }),
  ])
  .meta({ id: "TokenValidation" });

export const validateRoute = defineRoute({
  method: "post",
  path: "/auth/validate",
  operationId: "validateToken",
  summary: "Check whether a token would be accepted by the control API",
  description: "Access tokens (signature, claims, live session) and `apitok_…` API tokens are checked exactly as on every call; an invalid token is an answer (`valid: false` with a reason), not an error.",
  tags: ["auth"],
  role: "public",
  audit: false,
  body: z.strictObject({ token: z.string().min(1).max(4096) }),
  response: validation,
  errors: ["AUTH_MISCONFIGURED"],
  handler: async (c, { body }) => {
    const result = await validateToken(c.env, body.token);
    if (isAuthRefusal(result)) return routeRefusal(result);
    if (!result.valid) return { valid: false as const, reason: result.reason };
    return { valid: true as const, user_id: result.userId, role: result.role, via: result.via, expires_at: result.expiresAt };
  },
});
