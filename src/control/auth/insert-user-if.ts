import type { UserRow } from "./schema";

/**
 * Inserts a user only while `condition` holds, in one statement (so two concurrent callers cannot both succeed):
 * "no_admin" = no admin that is not deleted; "no_users" = no user at all. Returns whether the row was inserted.
 */
export async function insertUserIf(env: Env, row: UserRow, condition: "no_admin" | "no_users"): Promise<boolean> {
  const unless = condition === "no_admin" ? "SELECT 1 FROM users WHERE role = 'admin' AND status != 'deleted'" : "SELECT 1 FROM users";
  const result = await env.DB.prepare(
    `INSERT INTO users (id, email, password_hash, role, status, session_version, created_at, updated_at)
     SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (${unless})
     ON CONFLICT (email) DO NOTHING`,
  ).bind(row.id, row.email, row.passwordHash, row.role, row.status, row.sessionVersion, row.createdAt, row.updatedAt).run();
  return result.meta.changes === 1;
}
