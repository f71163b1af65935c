import { z } from "zod";
import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { refreshSession } from "../../auth/refresh-session";
import { defineRoute } from "../../openapi/route";
import { auditBy, clientIp } from "../shared";
import { sessionJson, sessionJsonOf } from "./schemas";

export const refreshRoute = defineRoute({
  method: "post",
  path: "/auth/refresh",
  operationId: "refreshSession",
  summary: "Trade a refresh token for new tokens",
  description:
    "Rotation: the refresh token works once and the answer carries its successor. Presenting a used refresh token again is reuse " +
    "(someone holds a copy): the whole session ends (SESSION_REVOKED), and its access tokens stop working on their next call. " +
    "Within 10 seconds of a rotation the used token gets CONFLICT instead and nothing else happens: two tabs refreshed at once, " +
    "and the late one should pick up the refresh token the first one stored.",
  tags: ["auth"],
  role: "public",
  audit: "auth.refresh",
  body: z.strictObject({ refresh_token: z.string().min(1).max(1024) }),
  response: sessionJson,
  errors: ["INVALID_TOKEN", "SESSION_REVOKED", "SESSION_EXPIRED", "CONFLICT", "AUTH_MISCONFIGURED"],
  handler: async (c, { body, requestId }) => {
    const client = { ip: clientIp(c), userAgent: c.req.header("user-agent") ?? null };
    const session = await refreshSession(c.env, body.refresh_token, client, { ...auditBy(c, null, requestId), action: "auth.refresh" });
    return isAuthRefusal(session) ? routeRefusal(session) : sessionJsonOf(session);
  },
});
