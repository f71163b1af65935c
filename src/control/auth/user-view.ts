import type { Role, UserRow, UserStatus } from "./schema";

/** A user as the API shows it: never the password hash or the session version. */
export interface UserView {
  id: string;
  email: string;
  role: Role;
  status: UserStatus;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export function toUserView(row: UserRow): UserView {
  return { id: row.id, email: row.email, role: row.role, status: row.status, createdAt: row.createdAt, updatedAt: row.updatedAt, lastLoginAt: row.lastLoginAt };
}
