import { requireChanged } from "./guarded-batch";
import { revokeUserSessionsStatement, type RevokeReason } from "./revoke-sessions";
import type { Role, UserStatus } from "./schema";

/** The columns an account operation may set (the only ones: everything else about a user is derived). */
export interface UserChanges {
  email?: string;
  role?: Role;
  status?: UserStatus;
  password_hash?: string;
}

export interface UserUpdate {
  /** End every session at once: session_version is bumped (every token issued before stops working) and the live sessions are marked revoked for the record. */
  endSessions?: RevokeReason;
  /** Extra SQL condition on the `users` row (see KEEPS_AN_ACTIVE_ADMIN); parameters are not allowed in it. */
  guard?: string;
  /** Extra condition binding parameters, appended after `guard`. */
  where?: { sql: string; params: (string | number)[] };
  now: string;
}

/** True unless the change would leave no active admin: the row is not an active admin, or another one exists. */
export const KEEPS_AN_ACTIVE_ADMIN = `(users.role != 'admin' OR users.status != 'active' OR EXISTS
  (SELECT 1 FROM users AS other WHERE other.role = 'admin' AND other.status = 'active' AND other.id != users.id))`;

/**
 * The statements of one change to a (not deleted) user: a conditional UPDATE, the guard that aborts the batch when
 * it matched no row (unknown, deleted, or a condition false), then — when sessions end — the sessions' revocation.
 */
export function userUpdateStatements(db: D1Database, userId: string, changes: UserChanges, update: UserUpdate): D1PreparedStatement[] {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  const sets = [...entries.map(([column]) => `${column} = ?`), "updated_at = ?"];
  if (update.endSessions !== undefined) sets.push("session_version = session_version + 1");
  const conditions = ["users.id = ?", "users.status != 'deleted'"];
  if (update.guard !== undefined) conditions.push(update.guard);
  if (update.where !== undefined) conditions.push(update.where.sql);
  const statements = [
    db
      .prepare(`UPDATE users SET ${sets.join(", ")} WHERE ${conditions.join(" AND ")}`)
      .bind(...entries.map(([, value]) => value as string), update.now, userId, ...(update.where?.params ?? [])),
    requireChanged(db),
  ];
  if (update.endSessions !== undefined) statements.push(revokeUserSessionsStatement(db, userId, update.endSessions, update.now));
  return statements;
}
