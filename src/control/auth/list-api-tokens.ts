import { drizzle } from "drizzle-orm/d1";
import { desc, eq } from "drizzle-orm";
import { toApiTokenView, type ApiTokenView } from "./api-token-view";
import { apiTokens } from "./schema";

/** A user's API tokens, newest first, revoked ones included (labels only). */
export async function listApiTokens(env: Env, userId: string): Promise<ApiTokenView[]> {
  const rows = await drizzle(env.DB).select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiTokenView);
}
