import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { batchWithAudit } from "../audit/batch-with-audit";
import { toApiTokenView, type ApiTokenView } from "./api-token-view";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import type { AuditTrail } from "./audit-trail";
import { apiTokens } from "./schema";
import type { Principal } from "./session-tokens";

/**
 * Revokes an API token: its owner's, or any for an admin. Someone else's token is NOT_FOUND (its existence is not
 * revealed). Effective at once: authentication reads `revoked_at` on every call. Revoking twice is harmless: the
 * first revocation time stays (and the call is still recorded).
 */
export async function revokeApiToken(env: Env, actor: Pick<Principal, "userId" | "role">, tokenId: string, trail: AuditTrail): Promise<ApiTokenView | AuthRefusal> {
  const row = (await drizzle(env.DB).select().from(apiTokens).where(eq(apiTokens.id, tokenId)).limit(1))[0];
  if (row === undefined || (row.userId !== actor.userId && actor.role !== "admin")) return authRefuse("NOT_FOUND", "API token not found");
  const revokedAt = row.revokedAt ?? new Date().toISOString();
  const before = { id: row.id, user_id: row.userId, name: row.name, label: row.label, revoked_at: row.revokedAt };
  await batchWithAudit(env.DB, { ...trail, targetType: "api_token", targetId: row.id, outcome: "ok", before, after: { ...before, revoked_at: revokedAt } }, () => [
    env.DB.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").bind(revokedAt, tokenId),
  ]);
  return toApiTokenView({ ...row, revokedAt });
}
