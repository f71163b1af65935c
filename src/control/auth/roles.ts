import type { Role } from "./schema";

const RANK: Readonly<Record<Role, number>> = { viewer: 0, user: 1, admin: 2 };

/** admin > user > viewer: true when `role` may do what `required` may. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/** The lesser of two roles (an API token's cap applied to its user's role). */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

export function isRole(value: unknown): value is Role {
  return value === "admin" || value === "user" || value === "viewer";
}
