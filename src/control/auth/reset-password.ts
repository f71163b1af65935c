import { requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { passwordProblem } from "./credentials-input";
import { hashPassword } from "./password-hash";
import { updateUserEndingSessions } from "./update-user";
import { toUserView, type UserView } from "./user-view";

/** Admin: sets a user's password (e.g. a forgotten one). Every session of that user ends at once. */
export async function resetPassword(env: Env, actor: Actor, userId: string, newPassword: string): Promise<UserView | AuthRefusal> {
  const forbidden = requireAdmin(actor);
  if (forbidden !== null) return forbidden;
  const problem = passwordProblem(newPassword);
  if (problem !== null) return authRefuse("VALIDATION_ERROR", "The request body is invalid.", { fields: { password: problem } });
  const updated = await updateUserEndingSessions(env, userId, { passwordHash: await hashPassword(newPassword) }, "password_changed");
  if (updated === null) return authRefuse("NOT_FOUND", "user not found");
  return toUserView(updated);
}
