import { refuseSelf, requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { findUserById } from "./find-user";
import { auditedChange } from "./guarded-batch";
import { recordAudit } from "../audit/batch-with-audit";
import { isRole } from "./roles";
import type { Role } from "./schema";
import { KEEPS_AN_ACTIVE_ADMIN, userUpdateStatements } from "./update-user";
import { userAudit, userTarget } from "./user-audit";
import { toUserView, type UserView } from "./user-view";

/**
 * Admin: changes another user's role, ending their sessions at once (their next call with an old access token
 * fails; the next login carries the new role). The last active admin cannot be demoted, even by two admins racing.
 * Setting the role a user already has changes nothing (and is still recorded).
 */
export async function changeRole(env: Env, actor: Actor, userId: string, role: Role, trail: AuditTrail): Promise<UserView | AuthRefusal> {
  const refused = requireAdmin(actor) ?? refuseSelf(actor, userId);
  if (refused !== null) return refused;
  if (!isRole(role)) return authRefuse("VALIDATION_ERROR", "The request body is invalid.", { fields: { role: "must be admin, user or viewer" } });
  const user = await findUserById(env, userId);
  if (user === null || user.status === "deleted") return notFound();
  const entry = { ...trail, ...userTarget(userId), outcome: "ok" as const, before: userAudit(user), after: userAudit({ ...user, role }) };
  if (user.role === role) {
    await recordAudit(env.DB, entry);
    return toUserView(user);
  }
  const now = new Date().toISOString();
  const done = await auditedChange(env.DB, entry, () => userUpdateStatements(env.DB, userId, { role }, { endSessions: "role_changed", guard: KEEPS_AN_ACTIVE_ADMIN, now }));
  if (done === false) return (await findUserById(env, userId))?.status === "deleted" ? notFound() : lastAdmin();
  return toUserView({ ...user, role, updatedAt: now, sessionVersion: user.sessionVersion + 1 });
}

function notFound(): AuthRefusal {
  return authRefuse("NOT_FOUND", "user not found");
}

function lastAdmin(): AuthRefusal {
  return authRefuse("LAST_ADMIN", "This is the last active administrator: make someone else an admin first.");
}
