import { batchWithAudit } from "../audit/batch-with-audit";
import { generateToken, hashToken, tokenLabel } from "../../tokens/opaque-token";
import { toApiTokenView, type ApiTokenView } from "./api-token-view";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { findUserById } from "./find-user";
import { isoAfter, newAuthId } from "./ids";
import { roleAtLeast } from "./roles";
import type { ApiTokenRow, Role } from "./schema";

export interface CreateApiTokenInput {
  userId: string;
  name: string;
  /** Cap: the token acts with at most this role (never more than its user's). Omitted = the user's role. */
  role?: Role | null;
  /** 1–365 days; omitted or null = no expiry. */
  expiresInDays?: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates an `apitok_…` token for a user. The token is in this result only; D1 keeps its SHA-256 hash. */
export async function createApiToken(env: Env, input: CreateApiTokenInput, trail: AuditTrail): Promise<{ token: string; apiToken: ApiTokenView } | AuthRefusal> {
  const user = await findUserById(env, input.userId);
  if (user === null || user.status !== "active") return authRefuse("NOT_FOUND", "user not found");
  const fields: Record<string, string> = {};
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) fields.name = "must be 1 to 100 characters";
  const role = input.role ?? null;
  if (role !== null && !roleAtLeast(user.role, role)) fields.role = `cannot exceed the user's role (${user.role})`;
  const days = input.expiresInDays ?? null;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 365)) fields.expires_in_days = "must be a whole number of days from 1 to 365";
  if (Object.keys(fields).length > 0) return authRefuse("VALIDATION_ERROR", "The request body is invalid.", { fields });
  const token = generateToken("apitok_");
  const now = new Date();
  const row: ApiTokenRow = {
    id: newAuthId("atok"),
    userId: user.id,
    tokenHash: await hashToken(token),
    label: tokenLabel(token, "apitok_"),
    name,
    role,
    createdAt: now.toISOString(),
    lastUsedAt: null,
    expiresAt: days === null ? null : isoAfter(now, days * DAY_MS),
    revokedAt: null,
  };
  const after = { id: row.id, user_id: row.userId, name, label: row.label, role, expires_at: row.expiresAt };
  await batchWithAudit(env.DB, { ...trail, targetType: "api_token", targetId: row.id, outcome: "ok", after }, () => [
    env.DB.prepare("INSERT INTO api_tokens (id, user_id, token_hash, label, name, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(row.id, row.userId, row.tokenHash, row.label, row.name, row.role, row.createdAt, row.expiresAt),
  ]);
  return { token, apiToken: toApiTokenView(row) };
}
