import type { ApiTokenRow, Role } from "./schema";

/** An API token as lists show it: its label (`apitok_AbCd…`), never the token or its hash. */
export interface ApiTokenView {
  id: string;
  userId: string;
  name: string;
  label: string;
  role: Role | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export function toApiTokenView(row: ApiTokenRow): ApiTokenView {
  return { id: row.id, userId: row.userId, name: row.name, label: row.label, role: row.role, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, expiresAt: row.expiresAt, revokedAt: row.revokedAt };
}
