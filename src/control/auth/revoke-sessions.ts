import { drizzle } from "drizzle-orm/d1";
import { and, eq, isNull } from "drizzle-orm";
import { sessions } from "./schema";

export type RevokeReason = "logout" | "reuse_detected" | "user_changed" | "password_changed" | "role_changed" | "suspended" | "deleted";

/** Revokes every live refresh token of one login session (a family). Returns how many rows it revoked. */
export async function revokeFamily(env: Env, familyId: string, reason: RevokeReason): Promise<number> {
  const result = await drizzle(env.DB)
    .update(sessions)
    .set({ revokedAt: new Date().toISOString(), revokedReason: reason })
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
  return result.meta.changes;
}

/** Marks every live session of a user revoked (their session_version is bumped in the same batch). */
export function revokeUserSessionsStatement(db: D1Database, userId: string, reason: RevokeReason, now: string): D1PreparedStatement {
  return db.prepare("UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE user_id = ? AND revoked_at IS NULL").bind(now, reason, userId);
}

/** Ends one login session of one user (the user id must match: nobody ends someone else's session this way). */
export function revokeOwnFamilyStatement(db: D1Database, caller: { userId: string; sessionId: string }, reason: RevokeReason, now: string): D1PreparedStatement {
  return db
    .prepare("UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE family_id = ? AND user_id = ? AND revoked_at IS NULL")
    .bind(now, reason, caller.sessionId, caller.userId);
}

/**
 * Logout without an audit record, for test fixtures (the `POST /auth/logout` route uses `endSession`, which writes
 * the record in the same batch).
 */
export async function logout(env: Env, caller: { userId: string; sessionId: string }): Promise<void> {
  await revokeOwnFamilyStatement(env.DB, caller, "logout", new Date().toISOString()).run();
}
