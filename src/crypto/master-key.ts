import { fromBase64Url } from "./base64url";

/** The master key that wraps every provider key's data key, from the `IRON_MASTER_KEY` Workers Secret. */
export interface MasterKey {
  key: CryptoKey;
  version: number;
}

const cache = new Map<string, Promise<MasterKey | null>>();

/**
 * Imports the master key (base64url of exactly 32 bytes). Returns `null` when it is missing or malformed:
 * the Worker then refuses to serve rather than run without protection for provider keys.
 */
export function loadMasterKey(env: Pick<Env, "IRON_MASTER_KEY" | "IRON_MASTER_KEY_VERSION">): Promise<MasterKey | null> {
  const secret = env.IRON_MASTER_KEY;
  const version = Number.parseInt(env.IRON_MASTER_KEY_VERSION, 10);
  const id = `${version}:${secret}`;
  let pending = cache.get(id);
  if (pending === undefined) {
    pending = importKey(secret, version);
    cache.set(id, pending);
  }
  return pending;
}

async function importKey(secret: string | undefined, version: number): Promise<MasterKey | null> {
  if (typeof secret !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(secret) || !Number.isInteger(version) || version < 1) return null;
  const raw = fromBase64Url(secret);
  if (raw.byteLength !== 32) return null;
  const key = await crypto.subtle.importKey("raw", raw, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
  return { key, version };
}
