import { recordAudit } from "../audit/batch-with-audit";
import { refuseSelf, requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { findUserById } from "./find-user";
import { auditedChange } from "./guarded-batch";
import { KEEPS_AN_ACTIVE_ADMIN, userUpdateStatements } from "./update-user";
import { userAudit, userTarget } from "./user-audit";
import { toUserView, type UserView } from "./user-view";

/**
 * Admin: suspends a user. Their sessions end at once (session_version bump) and their API tokens are refused
 * while the suspension lasts (authentication requires an active user) but not revoked: suspension is reversible,
 * and activation gives the user back their automation — revoke tokens explicitly when they are compromised.
 * Not yourself; not the last active admin. Suspending a suspended user changes nothing (and is still recorded).
 */
export async function suspendUser(env: Env, actor: Actor, userId: string, trail: AuditTrail): Promise<UserView | AuthRefusal> {
  const refused = requireAdmin(actor) ?? refuseSelf(actor, userId);
  if (refused !== null) return refused;
  const user = await findUserById(env, userId);
  if (user === null || user.status === "deleted") return authRefuse("NOT_FOUND", "user not found");
  const entry = { ...trail, ...userTarget(userId), outcome: "ok" as const, before: userAudit(user), after: userAudit({ ...user, status: "suspended" }) };
  if (user.status === "suspended") {
    await recordAudit(env.DB, entry);
    return toUserView(user);
  }
  const now = new Date().toISOString();
  const done = await auditedChange(env.DB, entry, () => userUpdateStatements(env.DB, userId, { status: "suspended" }, { endSessions: "suspended", guard: KEEPS_AN_ACTIVE_ADMIN, now }));
  if (done === false) {
    if ((await findUserById(env, userId))?.status === "deleted") return authRefuse("NOT_FOUND", "user not found");
    return authRefuse("LAST_ADMIN", "This is the last active administrator and cannot be suspended.");
  }
  return toUserView({ ...user, status: "suspended", updatedAt: now });
}
