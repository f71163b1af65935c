import { drizzle } from "drizzle-orm/d1";
import { and, eq, isNull } from "drizzle-orm";
import { agents, agentTokens } from "../db/schema";

/**
 * Token hash → the agent's routing facts (which providers and models it may use).
 * Cached in KV for up to CACHE_TTL seconds: these facts may lag by that much after an admin change.
 * Revocation, suspension and budget never come from here: the agent's budget object checks them.
 */
export interface AgentRecord {
  agentId: string;
  providerIds: string[];
  allowedModels: string[] | null;
}

export const AGENT_CACHE_TTL_SECONDS = 60;
const key = (tokenHash: string): string => `agent-by-token:${tokenHash}`;

export async function findAgentByTokenHash(env: Env, tokenHash: string): Promise<AgentRecord | null> {
  const cached = await env.CACHE.get<AgentRecord>(key(tokenHash), "json");
  if (cached !== null) return cached;
  const row = (
    await drizzle(env.DB)
      .select({ agentId: agents.id, providerIds: agents.providerIds, allowedModels: agents.allowedModels })
      .from(agentTokens)
      .innerJoin(agents, eq(agents.id, agentTokens.agentId))
      .where(and(eq(agentTokens.tokenHash, tokenHash), isNull(agentTokens.revokedAt)))
      .limit(1)
  )[0];
  if (row === undefined) return null;
  await env.CACHE.put(key(tokenHash), JSON.stringify(row), { expirationTtl: AGENT_CACHE_TTL_SECONDS });
  return row;
}

/** The routing facts of an agent by id (lease tokens carry their agent's id). Cached like token lookups. */
export async function findAgentById(env: Env, agentId: string): Promise<AgentRecord | null> {
  const cacheKey = `agent:${agentId}`;
  const cached = await env.CACHE.get<AgentRecord>(cacheKey, "json");
  if (cached !== null) return cached;
  const row = (
    await drizzle(env.DB)
      .select({ agentId: agents.id, providerIds: agents.providerIds, allowedModels: agents.allowedModels })
      .from(agents)
      .where(eq(agents.id, agentId))
      .limit(1)
  )[0];
  if (row === undefined) return null;
  await env.CACHE.put(cacheKey, JSON.stringify(row), { expirationTtl: AGENT_CACHE_TTL_SECONDS });
  return row;
}

/** Drops a token's cache entry (best effort; the budget object refuses a revoked token regardless). */
export async function forgetToken(env: Env, tokenHash: string): Promise<void> {
  await env.CACHE.delete(key(tokenHash));
}
