import { isAuthRefusal, routeRefusal } from "../../auth/auth-refusal";
import { endSession } from "../../auth/end-session";
import { defineRoute } from "../../openapi/route";
import { auditBy } from "../shared";

export const logoutRoute = defineRoute({
  method: "post",
  path: "/auth/logout",
  operationId: "logout",
  summary: "End the caller's session",
  description:
    "Ends the login session of the access token used: that token fails on its next call and the session's refresh token no longer works. " +
    "Other sessions of the same user live on. With an API token: FORBIDDEN (an API token has no session; revoke it with DELETE /api-tokens/{id}).",
  tags: ["auth"],
  role: "viewer",
  audit: "auth.logout",
  errors: [],
  handler: async (c, { actor, requestId }) => {
    const ended = await endSession(c.env, { userId: actor.id, sessionId: actor.sessionId }, { ...auditBy(c, actor, requestId), action: "auth.logout" });
    return isAuthRefusal(ended) ? routeRefusal(ended) : null;
  },
});
