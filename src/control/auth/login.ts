import { batchWithAudit } from "../audit/batch-with-audit";
import { authRefuse, isAuthRefusal, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { prepareSession } from "./create-session";
import { normalizeEmail, PASSWORD_MAX } from "./credentials-input";
import { verifyAgainstDummy } from "./dummy-hash";
import { findUserByEmail } from "./find-user";
import { loadJwtKey } from "./jwt-key";
import { forgiveLoginAttempt, registerLoginAttempt } from "./login-throttle";
import { hashPassword, needsRehash, verifyPassword } from "./password-hash";
import type { UserRow } from "./schema";
import { signedIn, type SignedIn } from "./session-tokens";

export interface LoginInput {
  email: string;
  password: string;
  /** The client's address (`cf-connecting-ip`); null only where there is none (then only the account is throttled). */
  ip: string | null;
  userAgent?: string | null;
}

const INVALID = "Invalid email or password.";

/**
 * Email + password → a new session. Unknown, deleted and wrong-password accounts get the same refusal
 * (INVALID_CREDENTIALS, same message) after the same work: exactly one scrypt verify, against a dummy hash when
 * there is no account. Throttled (login-throttle.ts: TOO_MANY_ATTEMPTS with retry-after). The session, the
 * last-login time and the `trail.action` audit record (actor: the user now signed in) are one D1 batch.
 */
export async function login(env: Env, input: LoginInput, trail: AuditTrail): Promise<SignedIn | AuthRefusal> {
  if (loadJwtKey(env) === null) return authRefuse("AUTH_MISCONFIGURED", "The control API is not configured: IRON_JWT_SECRET must be set to at least 32 random bytes.");
  const email = normalizeEmail(input.email);
  const who = { email, ip: input.ip };
  const throttled = await registerLoginAttempt(env, who);
  if (throttled !== null) return throttled;
  const user = await findUserByEmail(env, email);
  const ok = await checkPassword(user, input.password);
  if (user === null || !ok) {
    // The caller hears the same either way; the audit record names the account when there is one (never the email).
    const refused = authRefuse("INVALID_CREDENTIALS", INVALID);
    return user === null ? refused : { ...refused, auditTarget: { type: "user", id: user.id } };
  }
  await forgiveLoginAttempt(env, who);
  if (user.status === "suspended") return authRefuse("ACCOUNT_SUSPENDED", "This account is suspended. Ask an administrator.");
  const session = await prepareSession(env, user, { ip: input.ip, userAgent: input.userAgent ?? null });
  if (isAuthRefusal(session)) return session;
  const now = new Date().toISOString();
  // A hash made with older parameters is upgraded now, while the password is at hand.
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  const entry = { ...trail, actorId: user.id, actorRole: user.role, targetType: "session", targetId: session.tokens.sessionId, outcome: "ok" as const, after: { user_id: user.id, session_id: session.tokens.sessionId } };
  await batchWithAudit(env.DB, entry, () => [
    session.statement,
    env.DB.prepare("UPDATE users SET last_login_at = ?, password_hash = COALESCE(?, password_hash) WHERE id = ?").bind(now, rehash, user.id),
  ]);
  return signedIn(session.tokens, user.email);
}

/** One scrypt verify whatever happens; true only for a live account whose hash matches. */
async function checkPassword(user: UserRow | null, password: string): Promise<boolean> {
  // No valid password is longer than 2 UTF-16 units per allowed character; longer input is not hashed in full.
  const tooLong = password.length > 2 * PASSWORD_MAX;
  if (user === null || user.status === "deleted" || tooLong) return verifyAgainstDummy(tooLong ? "" : password);
  return verifyPassword(password, user.passwordHash);
}
