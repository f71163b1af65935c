import { drizzle } from "drizzle-orm/d1";
import { and, eq, isNull } from "drizzle-orm";
import { toApiTokenView, type ApiTokenView } from "./api-token-view";
import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { apiTokens } from "./schema";
import type { Principal } from "./session-tokens";

/**
 * Revokes an API token: its owner's, or any for an admin. Someone else's token is NOT_FOUND (its existence is not
 * revealed). Revoking twice is harmless: the first revocation time stays.
 */
export async function revokeApiToken(env: Env, actor: Pick<Principal, "userId" | "role">, tokenId: string): Promise<ApiTokenView | AuthRefusal> {
  const db = drizzle(env.DB);
  const row = (await db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).limit(1))[0];
  if (row === undefined || (row.userId !== actor.userId && actor.role !== "admin")) return authRefuse("NOT_FOUND", "API token not found");
  if (row.revokedAt !== null) return toApiTokenView(row);
  const revokedAt = new Date().toISOString();
  await db.update(apiTokens).set({ revokedAt }).where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
  return toApiTokenView({ ...row, revokedAt });
}
