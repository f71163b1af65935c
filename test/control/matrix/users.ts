import { env } from "cloudflare:workers";
import { makeUser, PASSWORD, uniqueEmail } from "../../../src/control/auth/test-support";
import type { MatrixCases, Whose } from "./types";

/** A fresh user to act on; "own"/"other" make no difference to admin-only routes, but each cell gets its own. */
async function target(whose: Whose, status: "active" | "suspended" = "active"): Promise<string> {
  const user = await makeUser(env, { status });
  // Deleting a user passes their agents on: give the target one, owned as the cell says.
  await env.DB.prepare("INSERT INTO agents (id, name, owner_id, status, budget_micros, created_at, updated_at) VALUES (?, ?, ?, 'active', 0, ?, ?)")
    .bind(`agt_${crypto.randomUUID().replace(/-/g, "")}`, `matrix-${whose}`, user.id, new Date().toISOString(), new Date().toISOString())
    .run();
  return user.id;
}

/** Authorization-matrix cases of the users routes: admins only, on any user. */
export const cases: MatrixCases = {
  createUser: { access: "any", prepare: () => Promise.resolve({ path: "/users", body: { email: uniqueEmail("matrix"), password: PASSWORD, role: "user" } }) },
  listUsers: { access: "any", prepare: () => Promise.resolve({ path: "/users?limit=5" }) },
  getUser: { access: "any", prepare: async (_world, whose) => ({ path: `/users/${await target(whose)}` }) },
  updateUser: { access: "any", prepare: async (_world, whose) => ({ path: `/users/${await target(whose)}`, body: { email: uniqueEmail("renamed") } }) },
  suspendUser: { access: "any", prepare: async (_world, whose) => ({ path: `/users/${await target(whose)}/suspend` }) },
  activateUser: { access: "any", prepare: async (_world, whose) => ({ path: `/users/${await target(whose, "suspended")}/activate` }) },
  deleteUser: { access: "any", prepare: async (_world, whose) => ({ path: `/users/${await target(whose)}` }) },
  changeUserRole: { access: "any", prepare: async (_world, whose) => ({ path: `/users/${await target(whose)}/role`, body: { role: "viewer" } }) },
  resetUserPassword: { access: "any", prepare: async (_world, whose) => ({ path: `/users/${await target(whose)}/reset-password`, body: { password: `matrix ${crypto.randomUUID()}` } }) },
};
