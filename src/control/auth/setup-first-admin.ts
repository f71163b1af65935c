import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { credentialProblems } from "./credentials-input";
import { newUserRow } from "./create-user";
import { insertUserIf } from "./insert-user-if";
import { toUserView, type UserView } from "./user-view";

/**
 * The one-time setup flow: creates the first admin with the caller's email and password, only while there are
 * no users at all (one conditional insert: of two racing callers, one wins). Afterwards: SETUP_COMPLETED.
 */
export async function setupFirstAdmin(env: Env, input: { email: string; password: string }): Promise<UserView | AuthRefusal> {
  const fields = credentialProblems(input);
  if (Object.keys(fields).length > 0) return authRefuse("VALIDATION_ERROR", "The request body is invalid.", { fields });
  if ((await env.DB.prepare("SELECT 1 AS found FROM users LIMIT 1").first()) !== null) return completed();
  const row = await newUserRow({ ...input, role: "admin" });
  if (!(await insertUserIf(env, row, "no_users"))) return completed();
  return toUserView(row);
}

function completed(): AuthRefusal {
  return authRefuse("SETUP_COMPLETED", "Setup is already complete: ask an administrator for an account.");
}
