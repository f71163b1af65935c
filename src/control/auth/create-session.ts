import { hashToken } from "../../tokens/opaque-token";
import { issueAccessToken } from "./access-token";
import { isAuthRefusal, type AuthRefusal } from "./auth-refusal";
import { isoAfter, newAuthId } from "./ids";
import { generateRefreshToken, REFRESH_TOKEN_TTL_MS } from "./refresh-token";
import type { UserRow } from "./schema";
import type { ClientInfo, SessionTokens } from "./session-tokens";

export type SessionUser = Pick<UserRow, "id" | "role" | "sessionVersion">;

export interface PreparedSession {
  readonly tokens: SessionTokens;
  /** Stores the new family's first refresh row; run it in the batch that makes the session legitimate. */
  readonly statement: D1PreparedStatement;
}

/**
 * Everything a new login session needs, not yet stored: the tokens (access JWT signed for `user.sessionVersion`,
 * refresh token minted) and the INSERT of the refresh row (hash only). Until the INSERT commits the tokens are
 * worthless: checkSession and refresh both need the row.
 */
export async function prepareSession(env: Env, user: SessionUser, client: ClientInfo = {}): Promise<PreparedSession | AuthRefusal> {
  const id = newAuthId("ses");
  const access = await issueAccessToken(env, { userId: user.id, sessionId: id, version: user.sessionVersion, role: user.role });
  if (isAuthRefusal(access)) return access;
  const now = new Date();
  const refreshToken = generateRefreshToken();
  const expiresAt = isoAfter(now, REFRESH_TOKEN_TTL_MS);
  const statement = env.DB.prepare(
    `INSERT INTO sessions (id, user_id, family_id, parent_id, refresh_hash, session_version, created_at, expires_at, user_agent, ip)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
  ).bind(id, user.id, id, await hashToken(refreshToken), user.sessionVersion, now.toISOString(), expiresAt, clip(client.userAgent), clip(client.ip));
  const tokens = { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt: expiresAt, sessionId: id, user: { id: user.id, role: user.role } };
  return { tokens, statement };
}

/** Starts a session at once, unaudited: for fixtures and tests (routes put `prepareSession` in their audited batch). */
export async function createSession(env: Env, user: SessionUser, client: ClientInfo = {}): Promise<SessionTokens | AuthRefusal> {
  const prepared = await prepareSession(env, user, client);
  if (isAuthRefusal(prepared)) return prepared;
  await prepared.statement.run();
  return prepared.tokens;
}

/** Client-supplied strings are stored bounded. */
export function clip(value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : value.slice(0, 256);
}
