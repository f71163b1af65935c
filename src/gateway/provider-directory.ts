import { drizzle } from "drizzle-orm/d1";
import { inArray } from "drizzle-orm";
import { providers, type ProviderRow } from "../db/schema";

/**
 * Provider id → provider row (base URL, models, sealed key). Cached in KV for PROVIDER_CACHE_TTL
 * seconds, so a disabled provider, a changed base URL or a rotated key can lag by that much.
 * The cached value holds the key only in its sealed (encrypted) form.
 */
export const PROVIDER_CACHE_TTL_SECONDS = 60;
const key = (id: string): string => `provider:${id}`;

export async function loadProviders(env: Env, ids: readonly string[]): Promise<ProviderRow[]> {
  const cached = await Promise.all(ids.map((id) => env.CACHE.get<ProviderRow>(key(id), "json")));
  const found = cached.filter((row): row is ProviderRow => row !== null);
  const missing = ids.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0) {
    const rows = await drizzle(env.DB).select().from(providers).where(inArray(providers.id, missing));
    await Promise.all(rows.map((row) => env.CACHE.put(key(row.id), JSON.stringify(row), { expirationTtl: PROVIDER_CACHE_TTL_SECONDS })));
    found.push(...rows);
  }
  return ids.map((id) => found.find((row) => row.id === id)).filter((row): row is ProviderRow => row !== undefined);
}

export async function forgetProvider(env: Env, id: string): Promise<void> {
  await env.CACHE.delete(key(id));
}
