import type { Role, UserStatus } from "./schema";
import type { UserView } from "./user-view";

export interface UserFilters {
  role?: Role | undefined;
  /** Omitted: active and suspended users (deleted ones only when asked for). */
  status?: UserStatus | undefined;
  /** A part of the email, any case. */
  q?: string | undefined;
}

interface Row {
  id: string;
  email: string;
  role: Role;
  status: UserStatus;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

/**
 * One page of users, newest first, by keyset (`after` = the (created_at, id) of the previous page's last row).
 * Returns up to `limit + 1` rows so the caller can tell whether there is a next page.
 */
export async function listUsers(env: Env, filters: UserFilters, page: { limit: number; after: readonly [string, string] | null }): Promise<UserView[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]): void => {
    where.push(sql);
    params.push(...values);
  };
  if (filters.status === undefined) add("status != 'deleted'");
  else add("status = ?", filters.status);
  if (filters.role !== undefined) add("role = ?", filters.role);
  // instr(), not LIKE: `%` and `_` in the search text are matched literally. Emails are stored lower-cased.
  if (filters.q !== undefined && filters.q !== "") add("instr(email, ?) > 0", filters.q.toLowerCase());
  if (page.after !== null) add("(created_at, id) < (?, ?)", page.after[0], page.after[1]);
  const rows = await env.DB.prepare(
    `SELECT id, email, role, status, created_at, updated_at, last_login_at FROM users
      WHERE ${where.join(" AND ")} ORDER BY created_at DESC, id DESC LIMIT ?`,
  ).bind(...params, page.limit + 1).all<Row>();
  return rows.results.map((r) => ({ id: r.id, email: r.email, role: r.role, status: r.status, createdAt: r.created_at, updatedAt: r.updated_at, lastLoginAt: r.last_login_at }));
}
