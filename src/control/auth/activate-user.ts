import { recordAudit } from "../audit/batch-with-audit";
import { requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { findUserById } from "./find-user";
import { auditedChange } from "./guarded-batch";
import { userUpdateStatements } from "./update-user";
import { userAudit, userTarget } from "./user-audit";
import { toUserView, type UserView } from "./user-view";

/**
 * Admin: lifts a suspension. Sessions ended by the suspension stay ended (the user logs in again); API tokens
 * that were refused during it work again. Activating an active user changes nothing (and is still recorded).
 */
export async function activateUser(env: Env, actor: Actor, userId: string, trail: AuditTrail): Promise<UserView | AuthRefusal> {
  const forbidden = requireAdmin(actor);
  if (forbidden !== null) return forbidden;
  const user = await findUserById(env, userId);
  if (user === null || user.status === "deleted") return notFound();
  const entry = { ...trail, ...userTarget(userId), outcome: "ok" as const, before: userAudit(user), after: userAudit({ ...user, status: "active" }) };
  if (user.status === "active") {
    await recordAudit(env.DB, entry);
    return toUserView(user);
  }
  const now = new Date().toISOString();
  const done = await auditedChange(env.DB, entry, () => userUpdateStatements(env.DB, userId, { status: "active" }, { where: { sql: "users.status = ?", params: ["suspended"] }, now }));
  if (done === false) return notFound();
  return toUserView({ ...user, status: "active", updatedAt: now });
}

function notFound(): AuthRefusal {
  return authRefuse("NOT_FOUND", "user not found");
}
