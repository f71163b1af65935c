import { requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { passwordProblem } from "./credentials-input";
import { findUserById } from "./find-user";
import { auditedChange } from "./guarded-batch";
import { hashPassword } from "./password-hash";
import { userUpdateStatements } from "./update-user";
import { userAudit, userTarget } from "./user-audit";
import { toUserView, type UserView } from "./user-view";

/**
 * Admin: sets a user's password (e.g. a forgotten one). Every session of that user ends at once. Their API tokens
 * stay (separate credentials; revoke them explicitly). The audit record says that the password was reset, never what to.
 */
export async function resetPassword(env: Env, actor: Actor, userId: string, newPassword: string, trail: AuditTrail): Promise<UserView | AuthRefusal> {
  const forbidden = requireAdmin(actor);
  if (forbidden !== null) return forbidden;
  const problem = passwordProblem(newPassword);
  if (problem !== null) return authRefuse("VALIDATION_ERROR", "The request body is invalid.", { fields: { password: problem } });
  const user = await findUserById(env, userId);
  if (user === null || user.status === "deleted") return notFound();
  const passwordHash = await hashPassword(newPassword);
  const now = new Date().toISOString();
  const entry = { ...trail, ...userTarget(userId), outcome: "ok" as const, before: userAudit(user), after: { ...userAudit(user), password_reset: true, sessions_ended: true } };
  const done = await auditedChange(env.DB, entry, () => userUpdateStatements(env.DB, userId, { password_hash: passwordHash }, { endSessions: "password_changed", now }));
  if (done === false) return notFound();
  return toUserView({ ...user, updatedAt: now });
}

function notFound(): AuthRefusal {
  return authRefuse("NOT_FOUND", "user not found");
}
