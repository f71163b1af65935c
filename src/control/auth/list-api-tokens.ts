import type { ApiTokenView } from "./api-token-view";
import type { Role } from "./schema";

interface Row {
  id: string;
  user_id: string;
  name: string;
  label: string;
  role: Role | null;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

/**
 * One page of a user's API tokens, newest first, revoked ones included, labels only. Keyset: `after` = the
 * (created_at, id) of the previous page's last item; up to `limit + 1` rows come back, so the caller can tell
 * whether there is a next page.
 */
export async function listApiTokens(env: Env, userId: string, page: { limit: number; after: readonly [string, string] | null } = { limit: 100, after: null }): Promise<ApiTokenView[]> {
  const where = ["user_id = ?"];
  const params = [userId];
  if (page.after !== null) {
    where.push("(created_at, id) < (?, ?)");
    params.push(page.after[0], page.after[1]);
  }
  const rows = await env.DB.prepare(
    `SELECT id, user_id, name, label, role, created_at, last_used_at, expires_at, revoked_at FROM api_tokens
      WHERE ${where.join(" AND ")} ORDER BY created_at DESC, id DESC LIMIT ?`,
  ).bind(...params, page.limit + 1).all<Row>();
  return rows.results.map((r) => ({
    id: r.id, userId: r.user_id, name: r.name, label: r.label, role: r.role, createdAt: r.created_at, lastUsedAt: r.last_used_at, expiresAt: r.expires_at, revokedAt: r.revoked_at,
  }));
}
