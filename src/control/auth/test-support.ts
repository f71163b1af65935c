import { scrypt } from "node:crypto";
import { drizzle } from "drizzle-orm/d1";
import { toBase64Url } from "../../crypto/base64url";
import { expect } from "vitest";
import { isAuthRefusal, type AuthCode, type AuthRefusal } from "./auth-refusal";
import { systemTrail, type AuditTrail } from "./audit-trail";
import { newUserRow } from "./create-user";
import { login } from "./login";
import { users, type Role, type UserRow, type UserStatus } from "./schema";
import type { SignedIn } from "./session-tokens";

/** Test-only helpers for src/control/auth/*.test.ts (never imported by the Worker). */
export const PASSWORD = "correct horse battery staple";

/** The audit trail unit tests pass to account operations (each writes its one record under this action). */
export const TRAIL: AuditTrail = systemTrail("test.account_change");

export function uniqueEmail(tag = "user"): string {
  return `${tag}-${crypto.randomUUID()}@example.test`;
}

export async function makeUser(env: Env, options: { role?: Role; status?: UserStatus; password?: string; email?: string } = {}): Promise<UserRow> {
  const row = await newUserRow({ email: options.email ?? uniqueEmail(), password: options.password ?? PASSWORD, role: options.role ?? "user" });
  row.status = options.status ?? "active";
  await drizzle(env.DB).insert(users).values(row);
  return row;
}

export async function loginAs(env: Env, user: Pick<UserRow, "email">, password = PASSWORD, ip: string | null = null): Promise<SignedIn> {
  return expectValue(await login(env, { email: user.email, password, ip }, TRAIL));
}

export function expectValue<T extends object>(value: T | AuthRefusal): T {
  if (isAuthRefusal(value)) throw new Error(`unexpected refusal ${value.code}: ${value.message}`);
  return value;
}

export function expectRefusal(value: unknown, code: AuthCode): AuthRefusal {
  expect(isAuthRefusal(value) ? value.code : value).toBe(code);
  if (!isAuthRefusal(value)) throw new Error("not a refusal");
  return value;
}

/** A scrypt hash in our encoding but with other (older, cheaper) parameters. */
export function legacyHash(password: string, N: number, r: number, p: number): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, { N, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) => {
      if (error !== null) reject(error);
      else resolve(["scrypt", N, r, p, toBase64Url(salt), toBase64Url(key)].join("$"));
    });
  });
}
