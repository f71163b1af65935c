import { refuseSelf, requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { findUserById } from "./find-user";
import { isRole } from "./roles";
import type { Role } from "./schema";
import { keepsAnActiveAdmin, updateUserEndingSessions } from "./update-user";
import { toUserView, type UserView } from "./user-view";

/** Admin: changes another user's role, ending their sessions. The last active admin cannot be demoted. */
export async function changeRole(env: Env, actor: Actor, userId: string, role: Role): Promise<UserView | AuthRefusal> {
  const refused = requireAdmin(actor) ?? refuseSelf(actor, userId);
  if (refused !== null) return refused;
  if (!isRole(role)) return authRefuse("VALIDATION_ERROR", "The request body is invalid.", { fields: { role: "must be admin, user or viewer" } });
  const user = await findUserById(env, userId);
  if (user === null || user.status === "deleted") return authRefuse("NOT_FOUND", "user not found");
  if (user.role === role) return toUserView(user);
  const updated = await updateUserEndingSessions(env, userId, { role }, "role_changed", keepsAnActiveAdmin(userId));
  if (updated === null) return authRefuse("LAST_ADMIN", "This is the last active administrator: make someone else an admin first.");
  return toUserView(updated);
}
