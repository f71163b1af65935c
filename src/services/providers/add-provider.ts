import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { batchWithAudit } from "../../control/audit/batch-with-audit";
import { controlRefusal, type ControlRefusal } from "../../control/openapi/control-errors";
import { drizzleStatement, type AuditBy } from "../../control/routes/shared/audit-context";
import { fingerprint, seal } from "../../crypto/envelope";
import { loadMasterKey } from "../../crypto/master-key";
import { newId, nowIso } from "../../db/ids";
import { providers, type ProviderRow } from "../../db/schema";
import { isRefusal } from "../../errors/refusal";
import { checkBaseUrl } from "./check-base-url";
import { providerView, type ProviderView } from "./provider-view";
import { isUniqueViolation } from "./unique-violation";

export interface CreateProviderInput {
  name: string;
  kind: ProviderRow["kind"];
  baseUrl: string;
  /** The real provider key. Encrypted before it touches storage; never returned, logged or audited. */
  apiKey: string;
  models?: string[] | null;
}

/**
 * Stores a provider with its key sealed (envelope encryption) and its audit record (`provider.create`, the view
 * only: fingerprint and last 4, never the key) in one batch. Returns the write-only view.
 */
export async function addProvider(env: Env, input: CreateProviderInput, by: AuditBy): Promise<ProviderView | ControlRefusal<"VALIDATION_ERROR" | "CONFLICT" | "SERVICE_MISCONFIGURED">> {
  const url = checkBaseUrl(input.baseUrl, env);
  if (isRefusal(url)) return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { base_url: url.message } });
  if (input.apiKey.trim().length < 8) return controlRefusal("VALIDATION_ERROR", "The request is invalid; see `fields`.", { fields: { api_key: "Too short to be a provider key." } });
  const master = await loadMasterKey(env);
  if (master === null) return controlRefusal("SERVICE_MISCONFIGURED", "IRON_MASTER_KEY is missing or invalid: provider keys cannot be stored.");
  const db = drizzle(env.DB);
  if ((await db.select({ id: providers.id }).from(providers).where(eq(providers.name, input.name)).limit(1)).length > 0) return nameTaken(input.name);
  const id = newId("prov");
  const sealed = await seal(master, id, input.apiKey);
  const now = nowIso();
  const row: ProviderRow = {
    id,
    name: input.name,
    kind: input.kind,
    baseUrl: url.toString().replace(/\/+$/, ""),
    models: input.models ?? null,
    keyCiphertext: sealed.ciphertext,
    keyIv: sealed.iv,
    keyWrapped: sealed.wrappedKey,
    keyWrapIv: sealed.wrapIv,
    keyVersion: sealed.keyVersion,
    keyFingerprint: await fingerprint(input.apiKey),
    keyLast4: input.apiKey.slice(-4),
    status: "active",
    createdAt: now,
    updatedAt: now,
  };
  const view = providerView(row);
  try {
    await batchWithAudit(env.DB, { ...by, action: "provider.create", targetType: "provider", targetId: id, outcome: "ok", after: view }, () => [
      drizzleStatement(env.DB, db.insert(providers).values(row)),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) return nameTaken(input.name);
    throw error;
  }
  return view;
}

export function nameTaken(name: string): ControlRefusal<"CONFLICT"> {
  return controlRefusal("CONFLICT", `A provider named '${name}' exists.`, { fields: { name: "Taken." } });
}
