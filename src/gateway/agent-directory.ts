import { drizzle } from "drizzle-orm/d1";
import { and, eq, isNull } from "drizzle-orm";
import { agents, agentTokens } from "../db/schema";
import { cachedJson, IsolateCache } from "./isolate-cache";

/**
 * Token hash (or agent id) → the agent's routing facts (which providers and models it may use).
 * Cached in KV for up to AGENT_CACHE_TTL_SECONDS, plus 5 s in each isolate: these facts may lag by that much
 * after an admin change. Revocation, suspension and budget never come from here: the agent's budget object
 * checks them on every call.
 */
export interface AgentRecord {
  agentId: string;
  providerIds: string[];
  allowedModels: string[] | null;
}

export const AGENT_CACHE_TTL_SECONDS = 60;
const memo = new IsolateCache<AgentRecord>();
const byToken = (tokenHash: string): string => `agent-by-token:${tokenHash}`;

export function findAgentByTokenHash(env: Env, tokenHash: string): Promise<AgentRecord | null> {
  return cachedJson(memo, env.CACHE, byToken(tokenHash), AGENT_CACHE_TTL_SECONDS, async () => {
    const row = (
      await drizzle(env.DB)
        .select({ agentId: agents.id, providerIds: agents.providerIds, allowedModels: agents.allowedModels })
        .from(agentTokens)
        .innerJoin(agents, eq(agents.id, agentTokens.agentId))
        .where(and(eq(agentTokens.tokenHash, tokenHash), isNull(agentTokens.revokedAt)))
        .limit(1)
    )[0];
    return row ?? null;
  });
}

/** The routing facts of an agent by id (lease tokens carry their agent's id). */
export function findAgentById(env: Env, agentId: string): Promise<AgentRecord | null> {
  return cachedJson(memo, env.CACHE, `agent:${agentId}`, AGENT_CACHE_TTL_SECONDS, async () => {
    const row = (
      await drizzle(env.DB)
        .select({ agentId: agents.id, providerIds: agents.providerIds, allowedModels: agents.allowedModels })
        .from(agents)
        .where(eq(agents.id, agentId))
        .limit(1)
    )[0];
    return row ?? null;
  });
}

/** Drops a token's cache entries (best effort; the budget object refuses a revoked token regardless). */
export async function forgetToken(env: Env, tokenHash: string): Promise<void> {
  memo.delete(byToken(tokenHash));
  await env.CACHE.delete(byToken(tokenHash));
}
