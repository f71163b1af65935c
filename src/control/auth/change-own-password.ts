import { authRefuse, isAuthRefusal, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { prepareSession } from "./create-session";
import { PASSWORD_MAX, passwordProblem } from "./credentials-input";
import { findUserById } from "./find-user";
import { auditedChange } from "./guarded-batch";
import { forgiveLoginAttempt, registerLoginAttempt } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password-hash";
import { userUpdateStatements } from "./update-user";
import { userTarget } from "./user-audit";
import { signedIn, type SignedIn } from "./session-tokens";

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  ip: string | null;
  userAgent?: string | null;
}

/**
 * A user changes their own password, proving the current one (throttled like logins, since it is a password
 * check too). Every session ends, the caller's included, and a new one starts in the same batch, so the caller
 * stays signed in with fresh tokens while every other device must log in again. API tokens are separate
 * credentials and stay valid (revoke them explicitly).
 */
export async function changeOwnPassword(env: Env, userId: string, change: PasswordChange, trail: AuditTrail): Promise<SignedIn | AuthRefusal> {
  const problem = passwordProblem(change.newPassword);
  if (problem !== null) return authRefuse("VALIDATION_ERROR", "The request body is invalid.", { fields: { new_password: problem } });
  const user = await findUserById(env, userId);
  if (user === null || user.status !== "active") return authRefuse("NOT_FOUND", "user not found");
  const who = { email: user.email, ip: change.ip };
  const throttled = await registerLoginAttempt(env, who);
  if (throttled !== null) return throttled;
  if (change.currentPassword.length > 2 * PASSWORD_MAX || !(await verifyPassword(change.currentPassword, user.passwordHash))) {
    return authRefuse("INVALID_CREDENTIALS", "The current password is wrong.", { fields: { current_password: "is wrong" } });
  }
  await forgiveLoginAttempt(env, who);
  const passwordHash = await hashPassword(change.newPassword);
  // The new session is signed for the version this very batch sets; the UPDATE only applies from the version read.
  const session = await prepareSession(env, { ...user, sessionVersion: user.sessionVersion + 1 }, { ip: change.ip, userAgent: change.userAgent ?? null });
  if (isAuthRefusal(session)) return session;
  const now = new Date().toISOString();
  const done = await auditedChange(env.DB, { ...trail, ...userTarget(userId), outcome: "ok", after: { password_changed: true, sessions_ended: true } }, () => [
    ...userUpdateStatements(env.DB, userId, { password_hash: passwordHash }, { endSessions: "password_changed", where: { sql: "users.status = 'active' AND users.session_version = ?", params: [user.sessionVersion] }, now }),
    session.statement,
  ]);
  if (done === false) return authRefuse("SESSION_REVOKED", "Your account changed while the password was being changed (sessions ended): log in again.");
  return signedIn(session.tokens, user.email);
}
