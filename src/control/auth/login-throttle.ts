import { hashToken } from "../../tokens/opaque-token";
import { authRefuse, type AuthRefusal } from "./auth-refusal";

/**
 * Login throttling: fixed 15-minute windows, at most 5 attempts per account (email, whether or not it exists)
 * and 20 per IP. An attempt is counted before the password is checked (one atomic upsert per key), so concurrent
 * guesses cannot slip past the limit; a successful login takes its attempt back.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_ATTEMPTS_PER_EMAIL = 5;
export const MAX_ATTEMPTS_PER_IP = 20;

export interface ThrottleKeys {
  email: string;
  ip: string | null;
}

/** Counts one attempt for the email and the IP; TOO_MANY_ATTEMPTS (with retry-after) when either is over its limit. */
export async function registerLoginAttempt(env: Env, who: ThrottleKeys): Promise<AuthRefusal | null> {
  const now = new Date();
  const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const keys = await throttleKeys(who);
  const upsert = env.DB.prepare(
    `INSERT INTO login_attempts (key, window_start, count) VALUES (?1, ?2, 1)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN window_start <= ?3 THEN 1 ELSE count + 1 END,
       window_start = CASE WHEN window_start <= ?3 THEN ?2 ELSE window_start END
     RETURNING window_start, count`,
  );
  const results = await env.DB.batch<{ window_start: string; count: number }>(keys.map((k) => upsert.bind(k.key, now.toISOString(), cutoff)));
  let retryAfterMs = 0;
  keys.forEach((k, i) => {
    const row = results[i]?.results[0];
    if (row !== undefined && row.count > k.limit) retryAfterMs = Math.max(retryAfterMs, Date.parse(row.window_start) + THROTTLE_WINDOW_MS - now.getTime());
  });
  if (retryAfterMs <= 0) return null;
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return authRefuse("TOO_MANY_ATTEMPTS", `Too many login attempts. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
}

/** After a successful login: the account's counter is cleared and the IP's attempt is taken back. */
export async function forgiveLoginAttempt(env: Env, who: ThrottleKeys): Promise<void> {
  const keys = await throttleKeys(who);
  await env.DB.batch(
    keys.map((k) =>
      k.kind === "email"
        ? env.DB.prepare("DELETE FROM login_attempts WHERE key = ?").bind(k.key)
        : env.DB.prepare("UPDATE login_attempts SET count = max(count - 1, 0) WHERE key = ?").bind(k.key),
    ),
  );
}

/** Deletes counters whose window has passed (for a scheduled job; they are reset on use anyway). */
export async function pruneLoginAttempts(env: Env): Promise<number> {
  const cutoff = new Date(Date.now() - THROTTLE_WINDOW_MS).toISOString();
  const result = await env.DB.prepare("DELETE FROM login_attempts WHERE window_start <= ?").bind(cutoff).run();
  return result.meta.changes;
}

interface ThrottleKey {
  kind: "email" | "ip";
  key: string;
  limit: number;
}

async function throttleKeys(who: ThrottleKeys): Promise<ThrottleKey[]> {
  const keys: ThrottleKey[] = [{ kind: "email", key: await hashToken(`email:${who.email}`), limit: MAX_ATTEMPTS_PER_EMAIL }];
  if (who.ip !== null && who.ip !== "") keys.push({ kind: "ip", key: await hashToken(`ip:${who.ip}`), limit: MAX_ATTEMPTS_PER_IP });
  return keys;
}
