import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { credentialProblems } from "./credentials-input";
import { insertUserStatement, newUserRow } from "./create-user";
import { auditedChange, requireChanged } from "./guarded-batch";
import { checkSetupToken } from "./setup-token";
import { userAudit, userTarget } from "./user-audit";
import { toUserView, type UserView } from "./user-view";

/**
 * The one-time setup flow: creates the first admin with the caller's email and password, only on a deployment
 * with `IRON_SETUP_TOKEN` set, only for a caller presenting it (checked first, so nobody else even learns whether
 * setup is done), and only while there are no users at all (one conditional insert: of two racing callers, one
 * wins). Afterwards: SETUP_COMPLETED.
 */
export async function setupFirstAdmin(env: Env, input: { setupToken: string; email: string; password: string }, trail: AuditTrail): Promise<UserView | AuthRefusal> {
  const denied = await checkSetupToken(env, input.setupToken);
  if (denied !== null) return denied;
  const fields = credentialProblems(input);
  if (Object.keys(fields).length > 0) return authRefuse("VALIDATION_ERROR", "The request body is invalid.", { fields });
  if ((await env.DB.prepare("SELECT 1 AS found FROM users LIMIT 1").first()) !== null) return completed();
  const row = await newUserRow({ email: input.email, password: input.password, role: "admin" });
  const entry = { ...trail, ...userTarget(row.id), outcome: "ok" as const, after: userAudit(row) };
  const done = await auditedChange(env.DB, entry, () => [insertUserStatement(env.DB, row, "SELECT 1 FROM users"), requireChanged(env.DB)]);
  if (done === false) return completed();
  return toUserView(row);
}

function completed(): AuthRefusal {
  return authRefuse("SETUP_COMPLETED", "Setup is already complete: ask an administrator for an account.");
}
