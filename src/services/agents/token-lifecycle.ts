import { drizzle } from "drizzle-orm/d1";
import { and, eq, isNull } from "drizzle-orm";
import { newId, nowIso } from "../../db/ids";
import { agentTokens } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import { generateToken, hashToken, tokenLabel } from "../../tokens/opaque-token";
import { budgetStub } from "./budget-stub";
import { forgetToken } from "../../gateway/agent-directory";
import { loadAgentConfig } from "./load-agent";

/**
 * Revokes the agent's live token. The budget object learns first, so the very next request with the
 * old token is refused whatever any cache says; D1 and the KV cache follow.
 */
export async function revokeAgentToken(env: Env, agentId: string): Promise<{ revoked: boolean } | Refusal> {
  const loaded = await loadAgentConfig(env, agentId);
  if (loaded === null) return refuse("not_found", "agent not found");
  const old = loaded.config.tokenHash;
  await budgetStub(env, agentId).configure({ ...loaded.config, tokenHash: null });
  if (old === null) return { revoked: false };
  const db = drizzle(env.DB);
  await db.update(agentTokens).set({ revokedAt: nowIso() }).where(and(eq(agentTokens.agentId, agentId), isNull(agentTokens.revokedAt)));
  await forgetToken(env, old);
  return { revoked: true };
}

/** Replaces the agent's token: the new one is returned once; the old one stops working at once. */
export async function regenerateAgentToken(env: Env, agentId: string): Promise<{ token: string } | Refusal> {
  const loaded = await loadAgentConfig(env, agentId);
  if (loaded === null || loaded.row.status === "deleted") return refuse("not_found", "agent not found");
  const token = generateToken("ic_");
  const tokenHash = await hashToken(token);
  await budgetStub(env, agentId).configure({ ...loaded.config, tokenHash });
  const db = drizzle(env.DB);
  const now = nowIso();
  await db.batch([
    db.update(agentTokens).set({ revokedAt: now }).where(and(eq(agentTokens.agentId, agentId), isNull(agentTokens.revokedAt))),
    db.insert(agentTokens).values({ id: newId("atk"), agentId, tokenHash, label: tokenLabel(token, "ic_"), createdAt: now, revokedAt: null }),
  ]);
  if (loaded.config.tokenHash !== null) await forgetToken(env, loaded.config.tokenHash);
  return { token };
}
