import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { Principal } from "./session-tokens";

export type Actor = Pick<Principal, "userId" | "role">;

/** User management is for admins; the primitives check it themselves too (defence in depth). */
export function requireAdmin(actor: Actor): AuthRefusal | null {
  return actor.role === "admin" ? null : authRefuse("FORBIDDEN", "Only administrators can manage users.");
}

/** Admins cannot demote, suspend (or later delete) themselves: another admin must. */
export function refuseSelf(actor: Actor, userId: string): AuthRefusal | null {
  return actor.userId === userId ? authRefuse("SELF_ACTION_FORBIDDEN", "You cannot do this to your own account; ask another administrator.") : null;
}
