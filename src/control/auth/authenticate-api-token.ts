import { hashToken, hasValidChecksum } from "../../tokens/opaque-token";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { lowerRole } from "./roles";
import type { Role } from "./schema";
import type { Principal } from "./session-tokens";

const LAST_USED_RESOLUTION_MS = 60_000;

interface Found {
  id: string;
  user_id: string;
  cap: Role | null;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  user_role: Role;
  user_status: string;
}

/**
 * An `apitok_…` bearer token → its user, acting as min(user's role, token's cap). Shape and checksum are checked
 * before any lookup; then the hash must be found, not revoked, not expired, and the user active. `last_used_at`
 * is written at most once a minute per token.
 */
export async function authenticateApiToken(env: Env, token: string): Promise<Extract<Principal, { via: "api_token" }> | AuthRefusal> {
  if (!hasValidChecksum(token, "apitok_")) return invalid();
  const row = await env.DB.prepare(
    `SELECT t.id, t.user_id, t.role AS cap, t.expires_at, t.revoked_at, t.last_used_at, u.role AS user_role, u.status AS user_status
       FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`,
  ).bind(await hashToken(token)).first<Found>();
  const now = new Date();
  if (row === null || row.revoked_at !== null || row.user_status !== "active") return invalid();
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return authRefuse("TOKEN_EXPIRED", "This API token has expired.");
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  if (row.last_used_at === null || row.last_used_at <= stale) {
    await env.DB.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)").bind(now.toISOString(), row.id, stale).run();
  }
  const role = row.cap === null ? row.user_role : lowerRole(row.user_role, row.cap);
  return { via: "api_token", userId: row.user_id, role, tokenId: row.id, expiresAt: row.expires_at };
}

function invalid(): AuthRefusal {
  return authRefuse("INVALID_TOKEN", "Invalid API token.");
}
