import { batchWithAudit } from "../../control/audit/batch-with-audit";
import { controlRefusal, type ControlRefusal } from "../../control/openapi/control-errors";
import type { AuditBy } from "../../control/routes/shared/audit-context";
import { fingerprint, seal } from "../../crypto/envelope";
import { loadMasterKey } from "../../crypto/master-key";
import { nowIso } from "../../db/ids";
import type { ProviderRow } from "../../db/schema";
import { forgetProvider } from "../../gateway/provider-directory";
import { findProvider } from "./find-provider";

/**
 * Replaces a provider's key: a fresh envelope (new data key) for the new key, a new fingerprint and last 4. The audit
 * record holds only the fingerprints and last 4 before and after. The gateway's cache entry is dropped, so this
 * isolate uses the new key at once and others within the provider cache lag (≤ 65 s): keep the old key valid at the
 * vendor for a few minutes after rotating.
 */
export async function rotateProviderKey(env: Env, id: string, apiKey: string, by: AuditBy): Promise<ProviderRow | ControlRefusal<"NOT_FOUND" | "VALIDATION_ERROR" | "SERVICE_MISCONFIGURED">> {
  if (apiKey.trim().length < 8) return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { api_key: "Too short to be a provider key." } });
  const master = await loadMasterKey(env);
  if (master === null) return controlRefusal("SERVICE_MISCONFIGURED", "IRON_MASTER_KEY is missing or invalid: provider keys cannot be stored.");
  const row = await findProvider(env, id);
  if (row === null) return controlRefusal("NOT_FOUND", "No such provider.");
  const sealed = await seal(master, id, apiKey);
  const next: ProviderRow = {
    ...row,
    keyCiphertext: sealed.ciphertext,
    keyIv: sealed.iv,
    keyWrapped: sealed.wrappedKey,
    keyWrapIv: sealed.wrapIv,
    keyVersion: sealed.keyVersion,
    keyFingerprint: await fingerprint(apiKey),
    keyLast4: apiKey.slice(-4),
    updatedAt: nowIso(),
  };
  const before = { key_fingerprint: row.keyFingerprint, key_last4: row.keyLast4 };
  const after = { key_fingerprint: next.keyFingerprint, key_last4: next.keyLast4 };
  await batchWithAudit(env.DB, { ...by, action: "provider.rotate_key", targetType: "provider", targetId: id, outcome: "ok", before, after }, () => [
    env.DB.prepare(
      `UPDATE providers SET key_ciphertext = ?, key_iv = ?, key_wrapped = ?, key_wrap_iv = ?, key_version = ?, key_fingerprint = ?, key_last4 = ?, updated_at = ?
       WHERE id = ?`,
    ).bind(next.keyCiphertext, next.keyIv, next.keyWrapped, next.keyWrapIv, next.keyVersion, next.keyFingerprint, next.keyLast4, next.updatedAt, id),
  ]);
  await forgetProvider(env, id);
  return next;
}
