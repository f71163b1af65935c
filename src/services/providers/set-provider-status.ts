import { batchWithAudit } from "../../control/audit/batch-with-audit";
import { controlRefusal, type ControlRefusal } from "../../control/openapi/control-errors";
import type { AuditBy } from "../../control/routes/shared/audit-context";
import { nowIso } from "../../db/ids";
import type { ProviderRow } from "../../db/schema";
import { forgetProvider } from "../../gateway/provider-directory";
import { findProvider } from "./find-provider";

/**
 * Disables or re-enables a provider (idempotent; each call is audited). The gateway routes only to active providers;
 * its cache entry is dropped here, so the next call in this isolate sees the change and every other isolate within
 * the provider cache lag (KV ≤ 60 s + 5 s memo).
 */
export async function setProviderStatus(env: Env, id: string, status: ProviderRow["status"], by: AuditBy): Promise<ProviderRow | ControlRefusal<"NOT_FOUND">> {
  const row = await findProvider(env, id);
  if (row === null) return controlRefusal("NOT_FOUND", "No such provider.");
  const next: ProviderRow = { ...row, status, updatedAt: nowIso() };
  const action = status === "disabled" ? "provider.disable" : "provider.enable";
  await batchWithAudit(env.DB, { ...by, action, targetType: "provider", targetId: id, outcome: "ok", before: { status: row.status }, after: { status } }, () => [
    env.DB.prepare("UPDATE providers SET status = ?, updated_at = ? WHERE id = ?").bind(status, next.updatedAt, id),
  ]);
  await forgetProvider(env, id);
  return next;
}
