import { drizzle } from "drizzle-orm/d1";
import { fingerprint, seal } from "../../crypto/envelope";
import { loadMasterKey } from "../../crypto/master-key";
import { newId, nowIso } from "../../db/ids";
import { providers, type ProviderRow } from "../../db/schema";
import { isRefusal, refuse, type Refusal } from "../../errors/refusal";
import { checkBaseUrl } from "./check-base-url";
import { providerView, type ProviderView } from "./provider-view";

export interface CreateProviderInput {
  name: string;
  kind: ProviderRow["kind"];
  baseUrl: string;
  /** The real provider key. Encrypted before it touches storage; never returned. */
  apiKey: string;
  models?: string[] | null;
}

/** Stores a provider with its key sealed (envelope encryption). Returns the write-only view. */
export async function createProvider(env: Env, input: CreateProviderInput): Promise<ProviderView | Refusal> {
  const url = checkBaseUrl(input.baseUrl, env);
  if (isRefusal(url)) return url;
  if (input.apiKey.trim().length < 8) return refuse("invalid_request", "api_key is too short to be a provider key", { field: "api_key" });
  const master = await loadMasterKey(env);
  if (master === null) return refuse("service_misconfigured", "IRON_MASTER_KEY is missing or invalid");
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
  await drizzle(env.DB).insert(providers).values(row);
  return providerView(row);
}
