import { recordAudit } from "../audit/batch-with-audit";
import { requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { emailProblem, normalizeEmail } from "./credentials-input";
import { findUserByEmail, findUserById } from "./find-user";
import { auditedChange } from "./guarded-batch";
import { userUpdateStatements } from "./update-user";
import { userAudit, userTarget } from "./user-audit";
import { toUserView, type UserView } from "./user-view";

/**
 * Admin: changes a user's email (their login name). The only field `PATCH /users/{id}` sets: role, status and
 * password have their own operations, each with its own checks and audit action. Sessions stay: who the user
 * is and what they may do did not change. A taken email (any case) is EMAIL_TAKEN.
 */
export async function updateUserEmail(env: Env, actor: Actor, userId: string, email: string, trail: AuditTrail): Promise<UserView | AuthRefusal> {
  const forbidden = requireAdmin(actor);
  if (forbidden !== null) return forbidden;
  const problem = emailProblem(email);
  if (problem !== null) return authRefuse("VALIDATION_ERROR", "The request body is invalid.", { fields: { email: problem } });
  const user = await findUserById(env, userId);
  if (user === null || user.status === "deleted") return notFound();
  const normal = normalizeEmail(email);
  const entry = { ...trail, ...userTarget(userId), outcome: "ok" as const, before: userAudit(user), after: userAudit({ ...user, email: normal }) };
  if (user.email === normal) {
    await recordAudit(env.DB, entry);
    return toUserView(user);
  }
  const now = new Date().toISOString();
  // A taken email (the column compares NOCASE) makes the UPDATE match nothing, so the guard aborts the batch.
  const taken = "NOT EXISTS (SELECT 1 FROM users AS other WHERE other.email = ? AND other.id != users.id)";
  const done = await auditedChange(env.DB, entry, () => userUpdateStatements(env.DB, userId, { email: normal }, { where: { sql: taken, params: [normal] }, now }));
  if (done === false) return (await findUserByEmail(env, normal)) !== null ? emailTaken() : notFound();
  return toUserView({ ...user, email: normal, updatedAt: now });
}

function notFound(): AuthRefusal {
  return authRefuse("NOT_FOUND", "user not found");
}

function emailTaken(): AuthRefusal {
  return authRefuse("EMAIL_TAKEN", "A user with this email already exists.", { fields: { email: "already in use" } });
}
