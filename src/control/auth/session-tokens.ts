import type { Role } from "./schema";

/** What a login or a refresh hands to the client. The refresh token is shown here only; D1 keeps its hash. */
export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  sessionId: string;
  user: { id: string; role: Role };
}

/** A session handed to a person (login, refresh, password change): the tokens and who they are. */
export type SignedIn = SessionTokens & { user: { id: string; role: Role; email: string } };

export function signedIn(tokens: SessionTokens, email: string): SignedIn {
  return { ...tokens, user: { ...tokens.user, email } };
}

/** Who is calling, once authenticated: through a login session or an API token. `role` is the effective role. */
export type Principal =
  | { via: "session"; userId: string; role: Role; sessionId: string }
  | { via: "api_token"; userId: string; role: Role; tokenId: string; expiresAt: string | null };

export interface ClientInfo {
  ip?: string | null;
  userAgent?: string | null;
}
