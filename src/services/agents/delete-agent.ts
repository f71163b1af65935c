import { drizzle } from "drizzle-orm/d1";
import { and, eq, isNull } from "drizzle-orm";
import { nowIso } from "../../db/ids";
import { agents, agentTokens } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import { drizzleStatement } from "../../control/routes/shared/audit-context";
import { forgetToken } from "../../gateway/agent-directory";
import { auditOrSystem, commitAgentChange, configureThenCommit, type AgentServiceOptions } from "./agent-audit";
import { budgetStub } from "./budget-stub";
import { loadAgentConfig } from "./load-agent";

/**
 * Deletes an agent (soft: the row stays for history and the request log). The budget object is told first —
 * status deleted, no live token — which closes every lease it handed out and refuses any further reservation, so
 * nothing can spend from it any more; then D1 (status, token revoked, audit record) and the KV cache.
 * `deleted: false`: it was already deleted, and nothing was written.
 */
export async function deleteAgent(env: Env, agentId: string, options: AgentServiceOptions = {}): Promise<{ deleted: boolean } | Refusal> {
  const loaded = await loadAgentConfig(env, agentId);
  if (loaded === null) return refuse("not_found", "agent not found");
  if (loaded.row.status === "deleted") return { deleted: false };
  const now = nowIso();
  const db = drizzle(env.DB);
  const diff = { before: { status: loaded.row.status, token_label: loaded.token?.label ?? null }, after: { status: "deleted", token_label: null } };
  await configureThenCommit(budgetStub(env, agentId), { next: { ...loaded.config, status: "deleted", tokenHash: null }, previous: loaded.config, failClosed: true }, () =>
    commitAgentChange(env, agentId, auditOrSystem(options, "agent.delete"), diff, () => [
      drizzleStatement(env.DB, db.update(agents).set({ status: "deleted", updatedAt: now }).where(eq(agents.id, agentId))),
      drizzleStatement(env.DB, db.update(agentTokens).set({ revokedAt: now }).where(and(eq(agentTokens.agentId, agentId), isNull(agentTokens.revokedAt)))),
    ]),
  );
  if (loaded.token !== null) await forgetToken(env, loaded.token.hash);
  return { deleted: true };
}
