import { verifyAccessToken } from "./access-token";
import { isAuthRefusal, type AuthRefusal } from "./auth-refusal";
import { authenticateApiToken } from "./authenticate-api-token";
import { checkSession } from "./check-session";
import type { Role } from "./schema";

export type InvalidReason = "invalid" | "expired" | "revoked" | "agent_token";

export type TokenValidation =
  | { valid: true; userId: string; role: Role; via: "session" | "api_token"; expiresAt: string | null }
  | { valid: false; reason: InvalidReason };

/**
 * Would this bearer token be accepted by the control API right now, and as whom? Exactly the checks of
 * `authenticateBearer` (signature, claims, live session, active user, revocation, expiry), answered as data so
 * other services (the CLI, a reverse proxy) can ask. Agent and lease tokens are named as such: they work on the
 * gateway only, never here. `role` is the effective role (an API token's cap applied). Only a missing signing key
 * is a refusal (AUTH_MISCONFIGURED): then no access token can be judged.
 */
export async function validateToken(env: Env, token: string): Promise<TokenValidation | AuthRefusal> {
  if (token.startsWith("ic_") || token.startsWith("icl_")) return { valid: false, reason: "agent_token" };
  if (token.startsWith("apitok_")) {
    const principal = await authenticateApiToken(env, token);
    if (isAuthRefusal(principal)) return { valid: false, reason: reasonOf(principal.code) };
    return { valid: true, userId: principal.userId, role: principal.role, via: "api_token", expiresAt: principal.expiresAt };
  }
  const claims = await verifyAccessToken(env, token);
  if (isAuthRefusal(claims)) return claims.code === "AUTH_MISCONFIGURED" ? claims : { valid: false, reason: reasonOf(claims.code) };
  const principal = await checkSession(env, claims);
  if (isAuthRefusal(principal)) return { valid: false, reason: reasonOf(principal.code) };
  return { valid: true, userId: principal.userId, role: principal.role, via: "session", expiresAt: new Date(claims.exp * 1000).toISOString() };
}

function reasonOf(code: string): InvalidReason {
  if (code === "TOKEN_EXPIRED") return "expired";
  if (code === "SESSION_REVOKED" || code === "SESSION_EXPIRED") return "revoked";
  return "invalid";
}
