import { drizzle } from "drizzle-orm/d1";
import { and, eq, isNull } from "drizzle-orm";
import { sessions } from "./schema";

export type RevokeReason = "logout" | "reuse_detected" | "user_changed" | "password_changed" | "role_changed" | "suspended";

/** Revokes every live refresh token of one login session (a family). Returns how many rows it revoked. */
export async function revokeFamily(env: Env, familyId: string, reason: RevokeReason): Promise<number> {
  const result = await drizzle(env.DB)
    .update(sessions)
    .set({ revokedAt: new Date().toISOString(), revokedReason: reason })
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
  return result.meta.changes;
}

/** Revokes every live session of a user (their session_version was bumped too, so this is the record of it). */
export async function revokeUserSessions(env: Env, userId: string, reason: RevokeReason): Promise<number> {
  const result = await drizzle(env.DB)
    .update(sessions)
    .set({ revokedAt: new Date().toISOString(), revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  return result.meta.changes;
}

/** Logout: ends the caller's login session (only their own: the user id must match). */
export async function logout(env: Env, caller: { userId: string; sessionId: string }): Promise<void> {
  await drizzle(env.DB)
    .update(sessions)
    .set({ revokedAt: new Date().toISOString(), revokedReason: "logout" })
    .where(and(eq(sessions.familyId, caller.sessionId), eq(sessions.userId, caller.userId), isNull(sessions.revokedAt)));
}
