import { hashToken } from "../../tokens/opaque-token";
import { issueAccessToken } from "./access-token";
import { authRefuse, isAuthRefusal, type AuthRefusal } from "./auth-refusal";
import { clip } from "./create-session";
import { isoAfter, newAuthId } from "./ids";
import { generateRefreshToken, isRefreshTokenShape, REFRESH_TOKEN_TTL_MS } from "./refresh-token";
import { revokeFamily } from "./revoke-sessions";
import type { Role, UserStatus } from "./schema";
import type { ClientInfo, SessionTokens } from "./session-tokens";

interface Presented {
  id: string;
  family_id: string;
  user_id: string;
  session_version: number;
  expires_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
  role: Role;
  status: UserStatus;
  user_version: number;
}

/**
 * Trades a refresh token for a new access token and a new refresh token (rotation: the presented row is revoked
 * as "rotated" and a child row joins the family, in one D1 batch). Presenting a token that was already rotated
 * is reuse — someone else holds a copy — and revokes the whole family: SESSION_REVOKED.
 */
export async function refreshSession(env: Env, refreshToken: string, client: ClientInfo = {}): Promise<SessionTokens | AuthRefusal> {
  if (!isRefreshTokenShape(refreshToken)) return invalid();
  const row = await env.DB.prepare(
    `SELECT s.id, s.family_id, s.user_id, s.session_version, s.expires_at, s.revoked_at, s.revoked_reason,
            u.role, u.status, u.session_version AS user_version
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.refresh_hash = ?`,
  ).bind(await hashToken(refreshToken)).first<Presented>();
  if (row === null) return invalid();
  const now = new Date();
  if (row.revoked_at !== null) {
    if (row.revoked_reason === "rotated") await revokeFamily(env, row.family_id, "reuse_detected");
    return revoked();
  }
  if (row.expires_at <= now.toISOString()) return authRefuse("SESSION_EXPIRED", "The session has expired: log in again.");
  if (row.status !== "active" || row.session_version !== row.user_version) {
    await revokeFamily(env, row.family_id, "user_changed");
    return revoked();
  }
  const access = await issueAccessToken(env, { userId: row.user_id, sessionId: row.family_id, version: row.user_version, role: row.role });
  if (isAuthRefusal(access)) return access;
  const next = generateRefreshToken();
  const expiresAt = isoAfter(now, REFRESH_TOKEN_TTL_MS);
  const [, inserted] = await env.DB.batch([
    env.DB.prepare("UPDATE sessions SET revoked_at = ?, revoked_reason = 'rotated' WHERE id = ? AND revoked_at IS NULL").bind(now.toISOString(), row.id),
    // Only when this request's UPDATE revoked the row: of two concurrent refreshes with one token, one rotates.
    env.DB.prepare(
      `INSERT INTO sessions (id, user_id, family_id, parent_id, refresh_hash, session_version, created_at, expires_at, user_agent, ip)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1`,
    ).bind(newAuthId("ses"), row.user_id, row.family_id, row.id, await hashToken(next), row.user_version, now.toISOString(), expiresAt, clip(client.userAgent), clip(client.ip)),
  ]);
  if (inserted?.meta.changes !== 1) {
    await revokeFamily(env, row.family_id, "reuse_detected");
    return revoked();
  }
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: next, refreshTokenExpiresAt: expiresAt, sessionId: row.family_id, user: { id: row.user_id, role: row.role } };
}

function invalid(): AuthRefusal {
  return authRefuse("INVALID_TOKEN", "Invalid refresh token.");
}

function revoked(): AuthRefusal {
  return authRefuse("SESSION_REVOKED", "This session has ended: log in again.");
}
