import type { OperationId as Op } from "../../../client/src/index";
import type { Role } from "../api/types";

/**
 * Who may press what. The server decides (roles and ownership on every route); the dashboard only avoids
 * offering what would be refused: viewers get no enabled write control at all, users act on what they own,
 * admins on everything.
 */
export const RANK: Readonly<Record<Role, number>> = { viewer: 0, user: 1, admin: 2 };

export type OpRole = Role | "public";

export interface OpMeta {
  readonly method: string;
  readonly role: OpRole;
}

export function isWrite(meta: OpMeta): boolean {
  return meta.method.toLowerCase() !== "get";
}

/** May this role call the operation at all? Writes need at least `user` whatever the route's minimum is. */
export function roleAllows(role: Role | null, meta: OpMeta): boolean {
  if (role === null) return meta.role === "public";
  if (isWrite(meta) && role === "viewer") return false;
  return meta.role === "public" || RANK[role] >= RANK[meta.role];
}

/** A change to an agent: admins any, users only their own (the server answers NOT_FOUND otherwise). */
export function canChangeAgent(role: Role | null, meId: string | null, agent: { readonly owner_id: string | null }): boolean {
  if (role === "admin") return true;
  return role === "user" && meId !== null && agent.owner_id === meId;
}

export type Gate = (op: Op, owner?: { readonly owner_id: string | null }) => boolean;

/** Builds the check a screen uses: the operation's role, then ownership when an object is given. */
export function gateFor(role: Role | null, meId: string | null, metaOf: (op: Op) => OpMeta): Gate {
  return (op, owner) => {
    if (!roleAllows(role, metaOf(op))) return false;
    if (owner === undefined || role === "admin") return true;
    return canChangeAgent(role, meId, owner);
  };
}
