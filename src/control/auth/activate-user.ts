import { drizzle } from "drizzle-orm/d1";
import { and, eq } from "drizzle-orm";
import { requireAdmin, type Actor } from "./admin-guard";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { findUserById } from "./find-user";
import { users } from "./schema";
import { toUserView, type UserView } from "./user-view";

/** Admin: lifts a suspension. Sessions ended by the suspension stay ended: the user logs in again. */
export async function activateUser(env: Env, actor: Actor, userId: string): Promise<UserView | AuthRefusal> {
  const forbidden = requireAdmin(actor);
  if (forbidden !== null) return forbidden;
  const user = await findUserById(env, userId);
  if (user === null || user.status === "deleted") return authRefuse("NOT_FOUND", "user not found");
  if (user.status === "active") return toUserView(user);
  const rows = await drizzle(env.DB)
    .update(users)
    .set({ status: "active", updatedAt: new Date().toISOString() })
    .where(and(eq(users.id, userId), eq(users.status, "suspended")))
    .returning();
  return toUserView(rows[0] ?? user);
}
