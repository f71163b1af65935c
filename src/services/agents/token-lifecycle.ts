import { drizzle } from "drizzle-orm/d1";
import { and, eq, isNull } from "drizzle-orm";
import { newId, nowIso } from "../../db/ids";
import { agentTokens } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import { drizzleStatement } from "../../control/routes/shared/audit-context";
import { generateToken, hashToken, tokenLabel } from "../../tokens/opaque-token";
import { forgetToken } from "../../gateway/agent-directory";
import { auditOrSystem, commitAgentChange, configureThenCommit, type AgentServiceOptions } from "./agent-audit";
import { budgetStub } from "./budget-stub";
import { loadAgentConfig, type LiveToken } from "./load-agent";

/**
 * Revokes the agent's live token. The budget object learns first, so the very next request with the old token is
 * refused whatever any cache says; then D1 (with the audit record) and the KV cache. `revoked: false`: there was no
 * live token, and nothing was written.
 */
export async function revokeAgentToken(env: Env, agentId: string, options: AgentServiceOptions = {}): Promise<{ revoked: boolean } | Refusal> {
  const loaded = await loadAgentConfig(env, agentId);
  if (loaded === null) return refuse("not_found", "agent not found");
  const old = loaded.token;
  await budgetStub(env, agentId).configure({ ...loaded.config, tokenHash: null });
  if (old === null) return { revoked: false };
  const db = drizzle(env.DB);
  // No rollback of the budget object if D1 fails: a revocation stays in force (fail closed); a retry completes it.
  await commitAgentChange(env, agentId, auditOrSystem(options, "agent.revoke_token"), { before: { token_label: old.label }, after: { token_label: null } }, () => [
    drizzleStatement(env.DB, db.update(agentTokens).set({ revokedAt: nowIso() }).where(and(eq(agentTokens.agentId, agentId), isNull(agentTokens.revokedAt)))),
  ]);
  await forgetToken(env, old.hash);
  return { revoked: true };
}

/** Issues the agent a new token (replacing the live one, if any): the new one is returned once; the old one stops working at once. */
export async function regenerateAgentToken(env: Env, agentId: string, options: AgentServiceOptions = {}): Promise<{ token: string; liveToken: LiveToken } | Refusal> {
  const loaded = await loadAgentConfig(env, agentId);
  if (loaded === null || loaded.row.status === "deleted") return refuse("not_found", "agent not found");
  const token = generateToken("ic_");
  const liveToken: LiveToken = { hash: await hashToken(token), label: tokenLabel(token, "ic_"), createdAt: nowIso() };
  const db = drizzle(env.DB);
  const diff = { before: { token_label: loaded.token?.label ?? null }, after: { token_label: liveToken.label } };
  await configureThenCommit(budgetStub(env, agentId), { next: { ...loaded.config, tokenHash: liveToken.hash }, previous: loaded.config, failClosed: false }, () =>
    commitAgentChange(env, agentId, auditOrSystem(options, "agent.regenerate_token"), diff, () => [
      drizzleStatement(env.DB, db.update(agentTokens).set({ revokedAt: liveToken.createdAt }).where(and(eq(agentTokens.agentId, agentId), isNull(agentTokens.revokedAt)))),
      drizzleStatement(env.DB, db.insert(agentTokens).values({ id: newId("atk"), agentId, tokenHash: liveToken.hash, label: liveToken.label, createdAt: liveToken.createdAt, revokedAt: null })),
    ]),
  );
  if (loaded.token !== null) await forgetToken(env, loaded.token.hash);
  return { token, liveToken };
}
