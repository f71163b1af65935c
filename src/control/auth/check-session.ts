import type { AccessClaims } from "./access-token";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { Role } from "./schema";
import type { Principal } from "./session-tokens";

/**
 * The server-side half of access-token checking, on every request: the login session still has a live refresh
 * row, the user is active, and the token's `ver` is the user's current session_version. So logout, suspension,
 * password change and role change end sessions at once, not when the 10-minute token expires.
 */
export async function checkSession(env: Env, claims: Pick<AccessClaims, "sub" | "sid" | "ver">): Promise<Principal | AuthRefusal> {
  const row = await env.DB.prepare(
    `SELECT u.role FROM users u
      WHERE u.id = ?1 AND u.status = 'active' AND u.session_version = ?2
        AND EXISTS (SELECT 1 FROM sessions s
                     WHERE s.family_id = ?3 AND s.user_id = u.id AND s.revoked_at IS NULL
                       AND s.expires_at > ?4)`,
  ).bind(claims.sub, claims.ver, claims.sid, new Date().toISOString()).first<{ role: Role }>();
  if (row === null) return authRefuse("SESSION_REVOKED", "This session has ended: log in again.");
  return { via: "session", userId: claims.sub, role: row.role, sessionId: claims.sid };
}
