import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { providers, type ProviderRow } from "../db/schema";
import { cachedJson, IsolateCache } from "./isolate-cache";

/**
 * Provider id → provider row (base URL, models, sealed key). Cached in KV for PROVIDER_CACHE_TTL_SECONDS and 5 s
 * per isolate, so a disabled provider, a changed base URL or a rotated key can lag by that much. The cached value
 * holds the key only in its sealed (encrypted) form.
 */
export const PROVIDER_CACHE_TTL_SECONDS = 60;
const memo = new IsolateCache<ProviderRow>();
const key = (id: string): string => `provider:${id}`;

export async function loadProviders(env: Env, ids: readonly string[]): Promise<ProviderRow[]> {
  const rows = await Promise.all(
    ids.map((id) =>
      cachedJson(memo, env.CACHE, key(id), PROVIDER_CACHE_TTL_SECONDS, async () => {
        const row = (await drizzle(env.DB).select().from(providers).where(eq(providers.id, id)).limit(1))[0];
        return row ?? null;
      }),
    ),
  );
  return rows.filter((row): row is ProviderRow => row !== null);
}

export async function forgetProvider(env: Env, id: string): Promise<void> {
  memo.delete(key(id));
  await env.CACHE.delete(key(id));
}
