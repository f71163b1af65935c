import { batchWithAudit } from "../audit/batch-with-audit";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { revokeOwnFamilyStatement } from "./revoke-sessions";

/**
 * Logout: ends the caller's login session (its refresh family) at once — the access token fails on the next call
 * (checkSession) and the refresh token no longer refreshes — with its audit record in the same batch.
 *
 * Called with an API token it is refused (FORBIDDEN): an API token has no login session, and ending the token
 * itself would silently break every script that shares it; it is revoked explicitly (DELETE /api-tokens/{id}).
 */
export async function endSession(env: Env, caller: { userId: string; sessionId?: string | undefined }, trail: AuditTrail): Promise<null | AuthRefusal> {
  const sessionId = caller.sessionId;
  if (sessionId === undefined) {
    return authRefuse("FORBIDDEN", "Logout ends a login session, and this call was made with an API token, which has none. Revoke the token with DELETE /api/v1/api-tokens/{id}.");
  }
  const now = new Date().toISOString();
  const entry = { ...trail, targetType: "session", targetId: sessionId, outcome: "ok" as const, after: { session_id: sessionId, revoked_reason: "logout" } };
  await batchWithAudit(env.DB, entry, () => [revokeOwnFamilyStatement(env.DB, { userId: caller.userId, sessionId }, "logout", now)]);
  return null;
}
