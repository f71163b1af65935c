import type { UserRow } from "./schema";

/** A user as audit records show it (before/after): identity, role and status; never the hash or session version. */
export function userAudit(row: Pick<UserRow, "id" | "email" | "role" | "status">): { id: string; email: string; role: string; status: string } {
  return { id: row.id, email: row.email, role: row.role, status: row.status };
}

/** The audit target of an account change. */
export function userTarget(userId: string): { targetType: "user"; targetId: string } {
  return { targetType: "user", targetId: userId };
}
