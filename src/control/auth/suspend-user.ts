import { refuseSelf, requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { findUserById } from "./find-user";
import { keepsAnActiveAdmin, updateUserEndingSessions } from "./update-user";
import { toUserView, type UserView } from "./user-view";

/**
 * Admin: suspends a user. Their sessions end at once (session_version bump) and their API tokens stop working
 * (authentication requires an active user). Not yourself; not the last active admin.
 */
export async function suspendUser(env: Env, actor: Actor, userId: string): Promise<UserView | AuthRefusal> {
  const refused = requireAdmin(actor) ?? refuseSelf(actor, userId);
  if (refused !== null) return refused;
  const user = await findUserById(env, userId);
  if (user === null || user.status === "deleted") return authRefuse("NOT_FOUND", "user not found");
  if (user.status === "suspended") return toUserView(user);
  const updated = await updateUserEndingSessions(env, userId, { status: "suspended" }, "suspended", keepsAnActiveAdmin(userId));
  if (updated === null) return authRefuse("LAST_ADMIN", "This is the last active administrator and cannot be suspended.");
  return toUserView(updated);
}
