import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { loadJwtKey } from "./jwt-key";
import { ROLES, type Role } from "./schema";

/**
 * Short-lived access tokens: JWT, HS256 only, header `typ: at+jwt` (RFC 9068). Claims: `iss`, `aud`, `sub` (user id),
 * `sid` (login session = refresh family), `ver` (the user's session_version), `role`, `iat`, `exp` (10 min), `jti`.
 * A valid signature is not enough: `checkSession` confirms the session and the user are still live.
 */
export const ACCESS_TOKEN_ISSUER = "iron-runtime";
export const ACCESS_TOKEN_AUDIENCE = "iron-control-api";
export const ACCESS_TOKEN_TYPE = "at+jwt";
export const ACCESS_TOKEN_TTL_SECONDS = 600;
const ALGORITHM = "HS256";

export interface AccessClaims {
  sub: string;
  sid: string;
  ver: number;
  role: Role;
  jti: string;
  iat: number;
  exp: number;
}

const claimsSchema = z.object({
  sub: z.string().startsWith("usr_"),
  sid: z.string().startsWith("ses_"),
  ver: z.int().positive(),
  role: z.enum(ROLES),
  jti: z.string().min(16),
  iat: z.int(),
  exp: z.int(),
});

const MISCONFIGURED = "The control API is not configured: IRON_JWT_SECRET must be set to at least 32 random bytes.";

export async function issueAccessToken(
  env: Pick<Env, "IRON_JWT_SECRET">,
  subject: { userId: string; sessionId: string; version: number; role: Role },
): Promise<{ token: string; expiresAt: string } | AuthRefusal> {
  const key = loadJwtKey(env);
  if (key === null) return authRefuse("AUTH_MISCONFIGURED", MISCONFIGURED);
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ sid: subject.sessionId, ver: subject.version, role: subject.role })
    .setProtectedHeader({ alg: ALGORITHM, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject(subject.userId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(crypto.randomUUID())
    .sign(key);
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Signature (HS256 only), `typ`, `iss`, `aud`, `exp`, `iat` and every claim's type. Expired → TOKEN_EXPIRED. */
export async function verifyAccessToken(env: Pick<Env, "IRON_JWT_SECRET">, token: string): Promise<AccessClaims | AuthRefusal> {
  const key = loadJwtKey(env);
  if (key === null) return authRefuse("AUTH_MISCONFIGURED", MISCONFIGURED);
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ["sub", "sid", "ver", "role", "jti", "iat", "exp"],
      maxTokenAge: ACCESS_TOKEN_TTL_SECONDS,
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success || claims.data.exp - claims.data.iat > ACCESS_TOKEN_TTL_SECONDS) return invalid();
    return claims.data;
  } catch (error) {
    if (error instanceof errors.JWTExpired) return authRefuse("TOKEN_EXPIRED", "The access token has expired: refresh it.");
    if (error instanceof errors.JOSEError) return invalid();
    throw error;
  }
}

function invalid(): AuthRefusal {
  return authRefuse("INVALID_TOKEN", "Invalid access token.");
}
