/**
 * A small per-isolate memo in front of KV for facts that are allowed to lag (routing facts, provider rows):
 * it saves the KV round trips of back-to-back requests. Entries live TTL_MS; the map is bounded.
 * Nothing that must not lag (token liveness, status, budget) is ever read through it.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

export class IsolateCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, until: now + TTL_MS });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** Reads through the memo, then KV (JSON), then `load`; fills both caches on the way back. */
export async function cachedJson<T>(memo: IsolateCache<T>, kv: KVNamespace, key: string, ttlSeconds: number, load: () => Promise<T | null>): Promise<T | null> {
  const hot = memo.get(key);
  if (hot !== undefined) return hot;
  const cached = await kv.get<T>(key, "json");
  if (cached !== null) {
    memo.set(key, cached);
    return cached;
  }
  const loaded = await load();
  if (loaded === null) return null;
  memo.set(key, loaded);
  await kv.put(key, JSON.stringify(loaded), { expirationTtl: ttlSeconds });
  return loaded;
}
