import type { Actor } from "../../openapi/roles";

/**
 * Object-level access (PRODUCT.md §5). Admins see and change everything. Viewers are read-only across the
 * organisation (finance, auditors) and never change anything. Users see and change only objects they own
 * (their agents, their API tokens, their requests). A caller who may not see an object gets NOT_FOUND, so ids
 * of other people's objects are not confirmed.
 */
export function canRead(actor: Actor, ownerId: string | null): boolean {
  return actor.role === "admin" || actor.role === "viewer" || (actor.role === "user" && ownerId === actor.id);
}

export function canWrite(actor: Actor, ownerId: string | null): boolean {
  return actor.role === "admin" || (actor.role === "user" && ownerId === actor.id);
}

/** For list queries: the owner to filter by (`null` = everything). */
export function ownerFilter(actor: Actor): string | null {
  return actor.role === "user" ? actor.id : null;
}
