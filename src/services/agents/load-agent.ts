import { drizzle } from "drizzle-orm/d1";
import { and, eq, isNull } from "drizzle-orm";
import { agents, agentTokens, type AgentRow } from "../../db/schema";
import type { BudgetConfig } from "../../../durable-objects/budget/types";

/** The agent's one live token, as safe to show: its label (`ic_AbCd…`) and when it was issued. Never the token. */
export interface LiveToken {
  hash: string;
  label: string;
  createdAt: string;
}

/** The agent row, its live token (null when revoked) and the budget object's config derived from them. */
export async function loadAgentConfig(env: Env, agentId: string): Promise<{ row: AgentRow; config: BudgetConfig; token: LiveToken | null } | null> {
  const db = drizzle(env.DB);
  const row = (await db.select().from(agents).where(eq(agents.id, agentId)).limit(1))[0];
  if (row === undefined) return null;
  const token =
    (
      await db
        .select({ hash: agentTokens.tokenHash, label: agentTokens.label, createdAt: agentTokens.createdAt })
        .from(agentTokens)
        .where(and(eq(agentTokens.agentId, agentId), isNull(agentTokens.revokedAt)))
        .limit(1)
    )[0] ?? null;
  return { row, config: budgetConfigOf(row, token?.hash ?? null), token };
}

/** The budget object's configuration for an agent row and its live token hash. */
export function budgetConfigOf(row: AgentRow, tokenHash: string | null): BudgetConfig {
  return {
    agentId: row.id,
    budgetMicros: row.budgetMicros,
    status: row.status,
    tokenHash,
    limits: { requestsPerMinute: row.rpmLimit, tokensPerMinute: row.tpmLimit, concurrentRequests: row.concurrencyLimit },
    disconnectPolicy: row.disconnectPolicy,
    projectId: row.projectId,
  };
}
