import { drizzle } from "drizzle-orm/d1";
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { revokeUserSessions, type RevokeReason } from "./revoke-sessions";
import { users, type UserRow } from "./schema";

/**
 * One conditional UPDATE of a (not deleted) user that also bumps session_version — every access token and refresh
 * token issued before it stops working at once — then marks the user's sessions revoked for the record.
 * Returns null when no row matched (unknown, deleted, or `guard` false).
 */
export async function updateUserEndingSessions(env: Env, userId: string, changes: Partial<Pick<UserRow, "role" | "status" | "passwordHash">>, reason: RevokeReason, guard?: SQL): Promise<UserRow | null> {
  const rows = await drizzle(env.DB)
    .update(users)
    .set({ ...changes, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date().toISOString() })
    .where(and(eq(users.id, userId), ne(users.status, "deleted"), guard))
    .returning();
  const row = rows[0];
  if (row === undefined) return null;
  await revokeUserSessions(env, userId, reason);
  return row;
}

/** True unless the change would leave no active admin: the row is not an active admin, or another one exists. */
export function keepsAnActiveAdmin(userId: string): SQL {
  return sql`(${users.role} != 'admin' OR ${users.status} != 'active' OR
    (SELECT COUNT(*) FROM users AS other WHERE other.role = 'admin' AND other.status = 'active' AND other.id != ${userId}) > 0)`;
}
