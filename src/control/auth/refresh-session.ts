import { hashToken } from "../../tokens/opaque-token";
import { issueAccessToken } from "./access-token";
import { authRefuse, isAuthRefusal, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { clip } from "./create-session";
import { auditedChange, requireChanged } from "./guarded-batch";
import { isoAfter, newAuthId } from "./ids";
import { generateRefreshToken, isRefreshTokenShape, REFRESH_TOKEN_TTL_MS } from "./refresh-token";
import { revokeFamily } from "./revoke-sessions";
import type { Role, UserStatus } from "./schema";
import { signedIn, type ClientInfo, type SignedIn } from "./session-tokens";

/**
 * How long after a rotation the old refresh token is answered CONFLICT instead of being treated as reuse: two tabs
 * sharing one stored token and refreshing at the same moment. The late tab gets no tokens — it should pick up the
 * new refresh token the first tab stored — so a thief replaying a stolen token inside the window gains nothing;
 * the one cost is that reuse presented within these seconds is not yet treated as theft (it is once they pass).
 */
export const REFRESH_GRACE_MS = 10_000;

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
  email: string;
  user_version: number;
}

/**
 * Trades a refresh token for a new access token and a new refresh token (rotation: the presented row is revoked
 * as "rotated" and a child row joins the family, with the audit record, in one D1 batch). Presenting a token that
 * was already rotated (after the grace window) is reuse — someone else holds a copy — and revokes the whole family.
 */
export async function refreshSession(env: Env, refreshToken: string, client: ClientInfo, trail: AuditTrail): Promise<SignedIn | AuthRefusal> {
  if (!isRefreshTokenShape(refreshToken)) return invalid();
  const hash = await hashToken(refreshToken);
  const row = await presented(env, hash);
  if (row === null) return invalid();
  const now = new Date();
  if (row.revoked_at !== null) return refuseRevoked(env, row, now);
  if (row.expires_at <= now.toISOString()) return authRefuse("SESSION_EXPIRED", "The session has expired: log in again.");
  if (row.status !== "active" || row.session_version !== row.user_version) {
    await revokeFamily(env, row.family_id, "user_changed");
    return revoked();
  }
  const access = await issueAccessToken(env, { userId: row.user_id, sessionId: row.family_id, version: row.user_version, role: row.role });
  if (isAuthRefusal(access)) return access;
  const next = generateRefreshToken();
  const nextHash = await hashToken(next);
  const expiresAt = isoAfter(now, REFRESH_TOKEN_TTL_MS);
  const childId = newAuthId("ses");
  const entry = { ...trail, actorId: row.user_id, actorRole: row.role, targetType: "session", targetId: row.family_id, outcome: "ok" as const, after: { rotated: row.id, current: childId } };
  const done = await auditedChange(env.DB, entry, () => [
    // Only while the row is live: of two concurrent refreshes with one token, one rotates; the other aborts here.
    env.DB.prepare("UPDATE sessions SET revoked_at = ?, revoked_reason = 'rotated' WHERE id = ? AND revoked_at IS NULL").bind(now.toISOString(), row.id),
    requireChanged(env.DB),
    env.DB.prepare(
      `INSERT INTO sessions (id, user_id, family_id, parent_id, refresh_hash, session_version, created_at, expires_at, user_agent, ip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).bind(childId, row.user_id, row.family_id, row.id, nextHash, row.user_version, now.toISOString(), expiresAt, clip(client.userAgent), clip(client.ip)),
  ]);
  if (done === false) {
    const after = await presented(env, hash);
    return after === null ? invalid() : refuseRevoked(env, after, new Date());
  }
  const tokens = { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: next, refreshTokenExpiresAt: expiresAt, sessionId: row.family_id, user: { id: row.user_id, role: row.role } };
  return signedIn(tokens, row.email);
}

async function presented(env: Env, hash: string): Promise<Presented | null> {
  return env.DB.prepare(
    `SELECT s.id, s.family_id, s.user_id, s.session_version, s.expires_at, s.revoked_at, s.revoked_reason,
            u.role, u.status, u.email, u.session_version AS user_version
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.refresh_hash = ?`,
  ).bind(hash).first<Presented>();
}

/** A revoked token: just rotated → CONFLICT (a concurrent refresh); rotated earlier → reuse: the family ends. */
async function refuseRevoked(env: Env, row: Presented, now: Date): Promise<AuthRefusal> {
  if (row.revoked_reason !== "rotated" || row.revoked_at === null) return revoked();
  if (now.getTime() - Date.parse(row.revoked_at) < REFRESH_GRACE_MS) {
    return authRefuse("CONFLICT", "This refresh token was just rotated by a concurrent refresh (another tab?): use the newest refresh token you stored, or log in again.");
  }
  await revokeFamily(env, row.family_id, "reuse_detected");
  return revoked();
}

function invalid(): AuthRefusal {
  return authRefuse("INVALID_TOKEN", "Invalid refresh token.");
}

function revoked(): AuthRefusal {
  return authRefuse("SESSION_REVOKED", "This session has ended: log in again.");
}
