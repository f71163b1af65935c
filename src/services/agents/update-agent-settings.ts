import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { nowIso } from "../../db/ids";
import { agents, type AgentRow } from "../../db/schema";
import { refuse, type Refusal } from "../../errors/refusal";
import { drizzleStatement } from "../../control/routes/shared/audit-context";
import { forgetToken } from "../../gateway/agent-directory";
import type { DisconnectPolicy } from "../../../durable-objects/budget/types";
import { auditOrSystem, changedFields, commitAgentChange, configureThenCommit, type AgentServiceOptions } from "./agent-audit";
import { agentState } from "./agent-view";
import { budgetStub } from "./budget-stub";
import { checkProviders } from "./check-agent-input";
import { loadAgentConfig } from "./load-agent";

/** What an agent's owner (or an admin) may edit in place; budget, status, limits and project have their own operations. */
export interface AgentSettingsChange {
  name?: string;
  providerIds?: string[];
  allowedModels?: string[] | null;
  disconnectPolicy?: DisconnectPolicy;
  /** Admins only (the route enforces it): hands the agent to another user. */
  ownerId?: string | null;
}

/**
 * Edits an agent's settings. Providers and models are routing facts the gateway caches (they may lag up to a minute;
 * the live token's cache entry is dropped so this isolate and KV pick them up sooner). A disconnect policy lives in
 * the budget object, which is told first.
 */
export async function updateAgentSettings(env: Env, agentId: string, change: AgentSettingsChange, options: AgentServiceOptions = {}): Promise<AgentRow | Refusal> {
  const loaded = await loadAgentConfig(env, agentId);
  if (loaded === null || loaded.row.status === "deleted") return refuse("not_found", "agent not found");
  if (change.providerIds !== undefined) {
    const invalid = await checkProviders(env, change.providerIds);
    if (invalid !== null) return invalid;
  }
  const row: AgentRow = {
    ...loaded.row,
    name: change.name ?? loaded.row.name,
    providerIds: change.providerIds ?? loaded.row.providerIds,
    allowedModels: change.allowedModels === undefined ? loaded.row.allowedModels : change.allowedModels,
    disconnectPolicy: change.disconnectPolicy ?? loaded.row.disconnectPolicy,
    ownerId: change.ownerId === undefined ? loaded.row.ownerId : change.ownerId,
    updatedAt: nowIso(),
  };
  const db = drizzle(env.DB);
  const set = { name: row.name, providerIds: row.providerIds, allowedModels: row.allowedModels, disconnectPolicy: row.disconnectPolicy, ownerId: row.ownerId, updatedAt: row.updatedAt };
  const commit = (): Promise<void> =>
    commitAgentChange(env, agentId, auditOrSystem(options, "agent.update"), changedFields(agentState(loaded.row), agentState(row)), () => [
      drizzleStatement(env.DB, db.update(agents).set(set).where(eq(agents.id, agentId))),
    ]);
  if (row.disconnectPolicy === loaded.row.disconnectPolicy) await commit();
  else await configureThenCommit(budgetStub(env, agentId), { next: { ...loaded.config, disconnectPolicy: row.disconnectPolicy }, previous: loaded.config, failClosed: false }, commit);
  if (loaded.token !== null) await forgetToken(env, loaded.token.hash);
  return row;
}
