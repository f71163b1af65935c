import { credentialProblems } from "./credentials-input";
import { newUserRow } from "./create-user";
import { insertUserIf } from "./insert-user-if";
import { toUserView, type UserView } from "./user-view";

export type FirstAdminOutcome =
  | { outcome: "created"; user: UserView }
  | { outcome: "admin_exists" }
  | { outcome: "not_configured" }
  | { outcome: "invalid_secrets"; fields: Record<string, string> }
  | { outcome: "email_taken" };

/**
 * Creates the first admin from the `IRON_ADMIN_EMAIL` / `IRON_ADMIN_PASSWORD` deploy-time secrets when there is
 * no admin yet. Idempotent (an admin exists → nothing happens, and the secrets are not even read further), safe
 * under concurrency (conditional insert), and there are no default credentials: without both secrets, or with a
 * password under the policy, nothing is created.
 */
export async function ensureFirstAdmin(env: Env): Promise<FirstAdminOutcome> {
  const email: unknown = env.IRON_ADMIN_EMAIL;
  const password: unknown = env.IRON_ADMIN_PASSWORD;
  if (typeof email !== "string" || typeof password !== "string" || email.trim() === "" || password === "") return { outcome: "not_configured" };
  if (await adminExists(env)) return { outcome: "admin_exists" };
  const fields = credentialProblems({ email, password });
  if (Object.keys(fields).length > 0) return { outcome: "invalid_secrets", fields };
  const row = await newUserRow({ email, password, role: "admin" });
  if (await insertUserIf(env, row, "no_admin")) return { outcome: "created", user: toUserView(row) };
  return (await adminExists(env)) ? { outcome: "admin_exists" } : { outcome: "email_taken" };
}

async function adminExists(env: Env): Promise<boolean> {
  return (await env.DB.prepare("SELECT 1 AS found FROM users WHERE role = 'admin' AND status != 'deleted' LIMIT 1").first()) !== null;
}
