import { batchWithAudit } from "../control/audit/batch-with-audit";
import type { AuditBy } from "../control/routes/shared/audit-context";
import { newId, nowIso } from "../db/ids";
import { findPolicy, type PolicyResource, type PolicyScope } from "./find-policy";
import { publishAgentPolicy, publishProjectPolicy } from "./policy-cache";
import type { PolicyDocument } from "./policy-schema";

/**
 * Replaces the policy of an agent or a project (one record: `agent_policy.set` / `project_policy.set`, with the
 * documents before and after), then writes the new entry to the policy cache: it applies at once in this location
 * and everywhere within the cache lag (≤ ~65 s). `null` removes the policy (`*.delete`): the level inherits again.
 */
export async function setPolicy(env: Env, scope: PolicyScope, targetId: string, document: PolicyDocument | null, by: AuditBy): Promise<PolicyResource> {
  const current = await findPolicy(env, scope, targetId);
  const now = nowIso();
  const action = `${scope}_policy.${document === null ? "delete" : "set"}`;
  const entry = { ...by, action, targetType: scope, targetId, outcome: "ok" as const, before: { policy: current.policy }, after: { policy: document } };
  await batchWithAudit(env.DB, entry, () => [
    document === null
      ? env.DB.prepare("DELETE FROM policies WHERE scope = ? AND target_id = ?").bind(scope, targetId)
      : env.DB.prepare(
          `INSERT INTO policies (id, scope, target_id, document, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (scope, target_id) DO UPDATE SET document = excluded.document, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        ).bind(newId("pol"), scope, targetId, JSON.stringify(document), by.actorId, now, now),
  ]);
  if (scope === "agent") await publishAgentPolicy(env, targetId);
  else await publishProjectPolicy(env, targetId);
  return findPolicy(env, scope, targetId);
}
