import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { normalizeEmail } from "./credentials-input";
import { users, type UserRow } from "./schema";

export async function findUserByEmail(env: Env, email: string): Promise<UserRow | null> {
  const rows = await drizzle(env.DB).select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return rows[0] ?? null;
}

export async function findUserById(env: Env, id: string): Promise<UserRow | null> {
  const rows = await drizzle(env.DB).select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}
