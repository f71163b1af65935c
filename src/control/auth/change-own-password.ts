import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { PASSWORD_MAX, passwordProblem } from "./credentials-input";
import { findUserById } from "./find-user";
import { forgiveLoginAttempt, registerLoginAttempt } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password-hash";
import { updateUserEndingSessions } from "./update-user";
import { toUserView, type UserView } from "./user-view";

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  ip: string | null;
}

/**
 * A user changes their own password, proving the current one (throttled like logins, since it is a password
 * check too). Every session ends, this one included; the client logs in again with the new password.
 */
export async function changeOwnPassword(env: Env, userId: string, change: PasswordChange): Promise<UserView | AuthRefusal> {
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
  const updated = await updateUserEndingSessions(env, userId, { passwordHash: await hashPassword(change.newPassword) }, "password_changed");
  if (updated === null) return authRefuse("NOT_FOUND", "user not found");
  return toUserView(updated);
}
