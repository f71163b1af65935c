import { authenticateBearer } from "../auth/authenticate-bearer";
import { isAuthRefusal } from "../auth/auth-refusal";
import { controlRefusal, type ControlRefusal } from "../openapi/control-errors";
import type { Actor } from "../openapi/roles";
import type { ControlContext, CredentialCode } from "../openapi/route";

/**
 * The control API's authenticator: no Authorization header → null (public routes go on, others answer
 * UNAUTHORIZED); a session access token or an `apitok_…` API token → the actor with its effective role; anything
 * else (agent and lease tokens included) → a 401 refusal that says why, so a client knows to refresh.
 */
export async function authenticateActor(c: ControlContext): Promise<Actor | ControlRefusal<CredentialCode> | null> {
  const header = c.req.header("authorization") ?? null;
  if (header === null || header.trim() === "") return null;
  const principal = await authenticateBearer(c.env, header);
  if (!isAuthRefusal(principal)) {
    return principal.via === "session"
      ? { id: principal.userId, role: principal.role, sessionId: principal.sessionId }
      : { id: principal.userId, role: principal.role, tokenId: principal.tokenId };
  }
  switch (principal.code) {
    case "TOKEN_EXPIRED":
    case "SESSION_REVOKED":
    case "INVALID_TOKEN":
      return controlRefusal(principal.code, principal.message);
    case "SESSION_EXPIRED":
      return controlRefusal("SESSION_REVOKED", principal.message);
    default:
      // AUTH_MISCONFIGURED: a JWT cannot be checked without IRON_JWT_SECRET (API tokens still work).
      return controlRefusal("INVALID_TOKEN", "This access token cannot be verified: the control API's signing key is not configured.");
  }
}
