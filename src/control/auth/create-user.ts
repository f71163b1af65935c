import { requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { credentialProblems, normalizeEmail } from "./credentials-input";
import { auditedChange, requireChanged } from "./guarded-batch";
import { newAuthId } from "./ids";
import { hashPassword } from "./password-hash";
import { isRole } from "./roles";
import type { Role, UserRow } from "./schema";
import { userAudit, userTarget } from "./user-audit";
import { toUserView, type UserView } from "./user-view";

export interface NewUser {
  email: string;
  password: string;
  role: Role;
}

/** Admin: creates an active user. Every validation problem is reported at once; a taken email is EMAIL_TAKEN. */
export async function createUser(env: Env, actor: Actor, input: NewUser, trail: AuditTrail): Promise<UserView | AuthRefusal> {
  const forbidden = requireAdmin(actor);
  if (forbidden !== null) return forbidden;
  const fields = credentialProblems(input);
  if (!isRole(input.role)) fields.role = "must be admin, user or viewer";
  if (Object.keys(fields).length > 0) return authRefuse("VALIDATION_ERROR", "The request body is invalid.", { fields });
  const row = await newUserRow(input);
  const done = await auditedChange(env.DB, { ...trail, ...userTarget(row.id), outcome: "ok", after: userAudit(row) }, () => [insertUserStatement(env.DB, row), requireChanged(env.DB)]);
  if (done === false) return authRefuse("EMAIL_TAKEN", "A user with this email already exists.", { fields: { email: "already in use" } });
  return toUserView(row);
}

/** A fresh, active user row (password hashed), not yet stored. */
export async function newUserRow(input: NewUser): Promise<UserRow> {
  const now = new Date().toISOString();
  return {
    id: newAuthId("usr"),
    email: normalizeEmail(input.email),
    passwordHash: await hashPassword(input.password),
    role: input.role,
    status: "active",
    sessionVersion: 1,
    createdAt: now,
    updatedAt: now,
    lastLoginAt: null,
  };
}

/**
 * INSERT of a user row that does nothing when the email is taken (whatever its case) or `unless` selects a row;
 * follow it with `requireChanged` to learn (by the batch failing) that it did not insert.
 */
export function insertUserStatement(db: D1Database, row: UserRow, unless?: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO users (id, email, password_hash, role, status, session_version, created_at, updated_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE ${unless === undefined ? "1" : `NOT EXISTS (${unless})`}
       ON CONFLICT (email) DO NOTHING`,
    )
    .bind(row.id, row.email, row.passwordHash, row.role, row.status, row.sessionVersion, row.createdAt, row.updatedAt);
}
