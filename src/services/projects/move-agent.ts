import { batchWithAudit } from "../../control/audit/batch-with-audit";
import type { AuditBy } from "../../control/routes/shared/audit-context";
import { publishAgentPolicy } from "../../policies/policy-cache";
import { budgetStub } from "../agents/budget-stub";
import { loadAgentConfig } from "../agents/load-agent";
import { projectStub } from "./project-stub";
import type { BudgetSnapshot } from "../../../durable-objects/budget/types";

export interface AgentMove {
  agentId: string;
  /** The new project, or null to take the agent out of its project. */
  projectId: string | null;
  action: "project.assign_agent" | "project.unassign_agent";
  by: AuditBy;
}

/**
 * Sets or clears an agent's project. The agent's budget object learns first — it is what enforces, so its next call
 * spends within the new project (or only its own budget) — then one batch commits the agents row and the audit
 * record; if that fails the budget object is put back. The old project gets the agent's unused slice back (it keeps
 * what the agent committed while a member). The agent's cached policy entry (which names its project) is rewritten.
 * Null: no such agent, or deleted.
 */
export async function moveAgent(env: Env, move: AgentMove): Promise<{ previousProjectId: string | null; snapshot: BudgetSnapshot } | null> {
  const loaded = await loadAgentConfig(env, move.agentId);
  if (loaded === null || loaded.row.status === "deleted") return null;
  const previousProjectId = loaded.row.projectId;
  const stub = budgetStub(env, move.agentId);
  const snapshot = await stub.configure({ ...loaded.config, projectId: move.projectId });
  const entry = { ...move.by, action: move.action, targetType: "project", targetId: move.projectId ?? previousProjectId, outcome: "ok" as const };
  try {
    await batchWithAudit(env.DB, { ...entry, before: { agent_id: move.agentId, project_id: previousProjectId }, after: { agent_id: move.agentId, project_id: move.projectId } }, () => [
      env.DB.prepare("UPDATE agents SET project_id = ?, updated_at = ? WHERE id = ?").bind(move.projectId, new Date().toISOString(), move.agentId),
    ]);
  } catch (error) {
    await stub.configure(loaded.config);
    throw error;
  }
  if (previousProjectId !== null && previousProjectId !== move.projectId) {
    await projectStub(env, previousProjectId).release(move.agentId, snapshot.spentMicros + snapshot.reservedMicros + snapshot.leasedOutMicros);
  }
  await publishAgentPolicy(env, move.agentId);
  return { previousProjectId, snapshot };
}
