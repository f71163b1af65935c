import { authRefuse, type AuthRefusal } from "./auth-refusal";
import { throttleKeys, type ThrottleSubject } from "./throttle-keys";

/**
 * Login throttling: fixed 15-minute windows over three counters (throttle-keys.ts): 5 attempts per account from
 * one network, 50 per account from networks it has not signed in from, 20 per network over all accounts. Unknown
 * emails are counted exactly like real ones. An attempt is counted before the password is checked (one atomic
 * upsert per key), so concurrent guesses cannot slip past a limit; a successful login takes its attempt back.
 *
 * Why not "5 failures lock the account": then anyone who knows an address can keep its owner locked out for ever.
 * Here a guesser's 5 failures only stop that guesser's network; locking the account needs 50 failures from at
 * least 10 networks, and even then the owner still gets in from a network they recently used.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export { MAX_ATTEMPTS_PER_ACCOUNT, MAX_ATTEMPTS_PER_ACCOUNT_AND_NETWORK, MAX_ATTEMPTS_PER_NETWORK } from "./throttle-keys";

/** Counts one attempt on each counter; TOO_MANY_ATTEMPTS (with retry-after) when any is over its limit. */
export async function registerLoginAttempt(env: Env, who: ThrottleSubject): Promise<AuthRefusal | null> {
  const now = new Date();
  const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const keys = await throttleKeys(env, who);
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

/**
 * After a successful password check: the account+network counter is cleared (the owner's own typos), the others
 * only take this attempt back — a login must not wipe out what a guesser elsewhere has used up.
 */
export async function forgiveLoginAttempt(env: Env, who: ThrottleSubject): Promise<void> {
  const keys = await throttleKeys(env, who);
  await env.DB.batch(
    keys.map((k) =>
      k.kind === "account_network"
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
