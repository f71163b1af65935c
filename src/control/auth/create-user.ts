import { drizzle } from "drizzle-orm/d1";
import { requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { credentialProblems, normalizeEmail } from "./credentials-input";
import { newAuthId } from "./ids";
import { hashPassword } from "./password-hash";
import { isRole } from "./roles";
import { users, type Role, type UserRow } from "./schema";
import { toUserView, type UserView } from "./user-view";

export interface NewUser {
  email: string;
  password: string;
  role: Role;
}

/** Admin: creates an active user. Every validation problem is reported at once; a taken email is EMAIL_TAKEN. */
export async function createUser(env: Env, actor: Actor, input: NewUser): Promise<UserView | AuthRefusal> {
  const forbidden = requireAdmin(actor);
  if (forbidden !== null) return forbidden;
  const fields = credentialProblems(input);
  if (!isRole(input.role)) fields.role = "must be admin, user or viewer";
  if (Object.keys(fields).length > 0) return authRefuse("VALIDATION_ERROR", "The request body is invalid.", { fields });
  const row = await newUserRow(input);
  const inserted = await drizzle(env.DB).insert(users).values(row).onConflictDoNothing().returning();
  if (inserted[0] === undefined) return authRefuse("EMAIL_TAKEN", "A user with this email already exists.", { fields: { email: "already in use" } });
  return toUserView(inserted[0]);
}

/** A fresh, active user row (password hashed), not yet stored. */
export async function newUserRow(input: NewUser): Promise<UserRow> {
  const now = new Date().toISOString();
  return {
    id: newAuthId("usr"),
    email: normalizeEmail(input.email),
    passwordHash: await hashPassword(input.password),
    role: input.role,
    status: "active",
    sessionVersion: 1,
    createdAt: now,
    updatedAt: now,
    lastLoginAt: null,
  };
}
