import { drizzle } from "drizzle-orm/d1";
import { hashToken } from "../../tokens/opaque-token";
import { issueAccessToken } from "./access-token";
import { isAuthRefusal, type AuthRefusal } from "./auth-refusal";
import { isoAfter, newAuthId } from "./ids";
import { generateRefreshToken, REFRESH_TOKEN_TTL_MS } from "./refresh-token";
import { sessions, type UserRow } from "./schema";
import type { ClientInfo, SessionTokens } from "./session-tokens";

/** Starts a login session (a new refresh family) for a user whose credentials were just checked. */
export async function createSession(env: Env, user: Pick<UserRow, "id" | "role" | "sessionVersion">, client: ClientInfo = {}): Promise<SessionTokens | AuthRefusal> {
  const id = newAuthId("ses");
  const access = await issueAccessToken(env, { userId: user.id, sessionId: id, version: user.sessionVersion, role: user.role });
  if (isAuthRefusal(access)) return access;
  const now = new Date();
  const refreshToken = generateRefreshToken();
  const expiresAt = isoAfter(now, REFRESH_TOKEN_TTL_MS);
  await drizzle(env.DB)
    .insert(sessions)
    .values({
      id,
      userId: user.id,
      familyId: id,
      parentId: null,
      refreshHash: await hashToken(refreshToken),
      sessionVersion: user.sessionVersion,
      createdAt: now.toISOString(),
      expiresAt,
      userAgent: clip(client.userAgent),
      ip: clip(client.ip),
    });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt: expiresAt, sessionId: id, user: { id: user.id, role: user.role } };
}

/** Client-supplied strings are stored bounded. */
export function clip(value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : value.slice(0, 256);
}
