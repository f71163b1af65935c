import { batchWithAudit } from "../../control/audit/batch-with-audit";
import { controlRefusal, type ControlRefusal } from "../../control/openapi/control-errors";
import type { AuditBy } from "../../control/routes/shared/audit-context";
import { nowIso } from "../../db/ids";
import { forgetProvider } from "../../gateway/provider-directory";
import { findProvider } from "./find-provider";
import { providerDependents } from "./provider-dependents";
import { providerView } from "./provider-view";

/** How many dependent agents a CONFLICT lists at most (the count is always exact). */
const LISTED = 50;

/**
 * Deletes a provider and its sealed key material (the row is removed; request history keeps the provider id).
 * While live agents still list it, it is refused (CONFLICT, `details.agents`) unless `force`, which detaches it from
 * them in the same batch: they keep their other providers, and calls for models only it served are refused as
 * `model_not_allowed`. Deleted agents are detached silently. The audit record keeps the view and the detached agents.
 */
export async function deleteProvider(env: Env, id: string, force: boolean, by: AuditBy): Promise<null | ControlRefusal<"NOT_FOUND" | "CONFLICT">> {
  const row = await findProvider(env, id);
  if (row === null) return controlRefusal("NOT_FOUND", "No such provider.");
  const dependents = await providerDependents(env, id);
  if (dependents.length > 0 && !force) {
    return controlRefusal("CONFLICT", `${dependents.length} live agent(s) still use this provider; detach it from them first, or delete with ?force=true to detach it.`, {
      details: { agents: dependents.slice(0, LISTED), agents_count: dependents.length },
    });
  }
  const now = nowIso();
  const entry = { ...by, action: "provider.delete", targetType: "provider", targetId: id, outcome: "ok" as const, before: providerView(row), after: { detached_agents: dependents.map((a) => a.id) } };
  await batchWithAudit(env.DB, entry, () => [
    env.DB.prepare(
      `UPDATE agents SET provider_ids = (SELECT json_group_array(value) FROM json_each(agents.provider_ids) WHERE value != ?1), updated_at = ?2
       WHERE EXISTS (SELECT 1 FROM json_each(agents.provider_ids) WHERE value = ?1)`,
    ).bind(id, now),
    env.DB.prepare("DELETE FROM providers WHERE id = ?").bind(id),
  ]);
  await forgetProvider(env, id);
  return null;
}
