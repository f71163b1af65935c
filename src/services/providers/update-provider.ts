import { batchWithAudit } from "../../control/audit/batch-with-audit";
import { controlRefusal, type ControlRefusal } from "../../control/openapi/control-errors";
import type { AuditBy } from "../../control/routes/shared/audit-context";
import { nowIso } from "../../db/ids";
import type { ProviderRow } from "../../db/schema";
import { isRefusal } from "../../errors/refusal";
import { forgetProvider } from "../../gateway/provider-directory";
import { nameTaken } from "./add-provider";
import { checkBaseUrl } from "./check-base-url";
import { findProvider } from "./find-provider";
import { isUniqueViolation } from "./unique-violation";

export interface ProviderChange {
  name?: string;
  baseUrl?: string;
  models?: string[] | null;
}

/**
 * Renames a provider, moves its base URL (same rules as at creation) or changes the models it serves; never its key
 * (`rotateProviderKey`) or kind. The gateway's cache entry is dropped: this isolate sees the change at once, others
 * within the provider cache lag (≤ 65 s).
 */
export async function updateProvider(env: Env, id: string, change: ProviderChange, by: AuditBy): Promise<ProviderRow | ControlRefusal<"NOT_FOUND" | "VALIDATION_ERROR" | "CONFLICT">> {
  const row = await findProvider(env, id);
  if (row === null) return controlRefusal("NOT_FOUND", "No such provider.");
  let baseUrl = row.baseUrl;
  if (change.baseUrl !== undefined) {
    const url = checkBaseUrl(change.baseUrl, env);
    if (isRefusal(url)) return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { base_url: url.message } });
    baseUrl = url.toString().replace(/\/+$/, "");
  }
  const next: ProviderRow = { ...row, name: change.name ?? row.name, baseUrl, models: change.models === undefined ? row.models : change.models, updatedAt: nowIso() };
  const before = { name: row.name, base_url: row.baseUrl, models: row.models };
  const after = { name: next.name, base_url: next.baseUrl, models: next.models };
  try {
    await batchWithAudit(env.DB, { ...by, action: "provider.update", targetType: "provider", targetId: id, outcome: "ok", before, after }, () => [
      env.DB.prepare("UPDATE providers SET name = ?, base_url = ?, models = ?, updated_at = ? WHERE id = ?").bind(
        next.name,
        next.baseUrl,
        next.models === null ? null : JSON.stringify(next.models),
        next.updatedAt,
        id,
      ),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) return nameTaken(next.name);
    throw error;
  }
  await forgetProvider(env, id);
  return next;
}
