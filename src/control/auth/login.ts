import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { createSession } from "./create-session";
import { normalizeEmail, PASSWORD_MAX } from "./credentials-input";
import { verifyAgainstDummy } from "./dummy-hash";
import { findUserByEmail } from "./find-user";
import { loadJwtKey } from "./jwt-key";
import { forgiveLoginAttempt, registerLoginAttempt } from "./login-throttle";
import { hashPassword, needsRehash, verifyPassword } from "./password-hash";
import { users, type UserRow } from "./schema";
import type { SessionTokens } from "./session-tokens";

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
 * there is no account. Throttled per account and per IP (TOO_MANY_ATTEMPTS with retry-after).
 */
export async function login(env: Env, input: LoginInput): Promise<SessionTokens | AuthRefusal> {
  if (loadJwtKey(env) === null) return authRefuse("AUTH_MISCONFIGURED", "The control API is not configured: IRON_JWT_SECRET must be set to at least 32 random bytes.");
  const email = normalizeEmail(input.email);
  const who = { email, ip: input.ip };
  const throttled = await registerLoginAttempt(env, who);
  if (throttled !== null) return throttled;
  const user = await findUserByEmail(env, email);
  const ok = await checkPassword(user, input.password);
  if (user === null || !ok) return authRefuse("INVALID_CREDENTIALS", INVALID);
  await forgiveLoginAttempt(env, who);
  if (user.status === "suspended") return authRefuse("ACCOUNT_SUSPENDED", "This account is suspended. Ask an administrator.");
  await recordLogin(env, user, input.password);
  return createSession(env, user, { ip: input.ip, userAgent: input.userAgent ?? null });
}

/** One scrypt verify whatever happens; true only for a live account whose hash matches. */
async function checkPassword(user: UserRow | null, password: string): Promise<boolean> {
  // No valid password is longer than 2 UTF-16 units per allowed character; longer input is not hashed in full.
  const tooLong = password.length > 2 * PASSWORD_MAX;
  if (user === null || user.status === "deleted" || tooLong) return verifyAgainstDummy(tooLong ? "" : password);
  return verifyPassword(password, user.passwordHash);
}

async function recordLogin(env: Env, user: UserRow, password: string): Promise<void> {
  const now = new Date().toISOString();
  const update: Partial<UserRow> = { lastLoginAt: now };
  if (needsRehash(user.passwordHash)) update.passwordHash = await hashPassword(password);
  await drizzle(env.DB).update(users).set(update).where(eq(users.id, user.id));
}
