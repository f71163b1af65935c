import { env } from "cloudflare:workers";
import { createSession } from "../../../src/control/auth/create-session";
import { hashPassword } from "../../../src/control/auth/password-hash";
import { expectValue, makeUser, PASSWORD } from "../../../src/control/auth/test-support";
import type { Person } from "../../helpers/control";
import type { MatrixCases } from "./types";

/** A fresh session of a fresh user: something valid to log in with, refresh or validate. */
async function freshSession(): Promise<{ email: string; refreshToken: string; accessToken: string }> {
  const user = await makeUser(env);
  const session = expectValue(await createSession(env, user));
  return { email: user.email, refreshToken: session.refreshToken, accessToken: session.accessToken };
}

/**
 * Puts the caller's password back to PASSWORD (an earlier cell changed it). Their sessions are another matter:
 * a password change ends every session of the caller — the matrix's fresh per-call sessions are unaffected, but
 * `world.<person>.token` is dead afterwards.
 */
async function resetPasswordOf(caller: Person | null): Promise<void> {
  if (caller === null) return;
  await env.DB.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bind(await hashPassword(PASSWORD), caller.id).run();
}

/** Authorization-matrix cases of the auth routes (public ones are listed too; the matrix skips their cells). */
export const cases: MatrixCases = {
  login: {
    access: "public",
    prepare: async () => ({ path: "/auth/login", body: { email: (await freshSession()).email, password: PASSWORD } }),
  },
  refreshSession: {
    access: "public",
    prepare: async () => ({ path: "/auth/refresh", body: { refresh_token: (await freshSession()).refreshToken } }),
  },
  validateToken: {
    access: "public",
    prepare: async () => ({ path: "/auth/validate", body: { token: (await freshSession()).accessToken } }),
  },
  setupFirstAdmin: {
    // Answers SETUP_DISABLED in the test environment (no IRON_SETUP_TOKEN); test/control/auth/setup.test.ts covers it.
    access: "public",
    prepare: () => Promise.resolve({ path: "/auth/setup", body: { setup_token: "x".repeat(40), email: "first@example.test", password: PASSWORD } }),
  },
  // The caller's own session or account: every signed-in person may.
  logout: { access: "any", prepare: () => Promise.resolve({ path: "/auth/logout" }) },
  getMe: { access: "any", prepare: () => Promise.resolve({ path: "/auth/me" }) },
  changeOwnPassword: {
    access: "any",
    prepare: async (_world, _whose, caller) => {
      await resetPasswordOf(caller);
      return { path: "/auth/password", body: { current_password: PASSWORD, new_password: `matrix ${crypto.randomUUID()}` } };
    },
  },
};
