import { systemTrail } from "./audit-trail";
import { credentialProblems } from "./credentials-input";
import { insertUserStatement, newUserRow } from "./create-user";
import { auditedChange, requireChanged } from "./guarded-batch";
import { userAudit, userTarget } from "./user-audit";
import { toUserView, type UserView } from "./user-view";

export type FirstAdminOutcome =
  | { outcome: "created"; user: UserView }
  | { outcome: "admin_exists" }
  | { outcome: "not_configured" }
  | { outcome: "invalid_secrets"; fields: Record<string, string> }
  | { outcome: "email_taken" };

/** Audit action of the admin created from deploy-time secrets (actor: `system`, no request). */
export const BOOTSTRAP_ADMIN_ACTION = "user.bootstrap_admin";
const NO_ADMIN = "SELECT 1 FROM users WHERE role = 'admin' AND status != 'deleted'";

/**
 * Creates the first admin from the `IRON_ADMIN_EMAIL` / `IRON_ADMIN_PASSWORD` deploy-time secrets when there is
 * no admin yet. Idempotent (an admin exists → nothing happens, and the secrets are not even read further), safe
 * under concurrency (conditional insert), and there are no default credentials: without both secrets, or with a
 * password under the policy, nothing is created. The creation is audited as a system action.
 */
export async function ensureFirstAdmin(env: Env): Promise<FirstAdminOutcome> {
  const email: unknown = env.IRON_ADMIN_EMAIL;
  const password: unknown = env.IRON_ADMIN_PASSWORD;
  if (typeof email !== "string" || typeof password !== "string" || email.trim() === "" || password === "") return { outcome: "not_configured" };
  if (await adminExists(env)) return { outcome: "admin_exists" };
  const fields = credentialProblems({ email, password });
  if (Object.keys(fields).length > 0) return { outcome: "invalid_secrets", fields };
  const row = await newUserRow({ email, password, role: "admin" });
  const entry = { ...systemTrail(BOOTSTRAP_ADMIN_ACTION), ...userTarget(row.id), outcome: "ok" as const, after: userAudit(row) };
  if ((await auditedChange(env.DB, entry, () => [insertUserStatement(env.DB, row, NO_ADMIN), requireChanged(env.DB)])) !== false) return { outcome: "created", user: toUserView(row) };
  return (await adminExists(env)) ? { outcome: "admin_exists" } : { outcome: "email_taken" };
}

async function adminExists(env: Env): Promise<boolean> {
  return (await env.DB.prepare(`${NO_ADMIN} LIMIT 1`).first()) !== null;
}
