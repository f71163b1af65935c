import type { RateLimits } from "./types";

const WINDOW_MS = 60_000;

/**
 * Per-agent limits, checked in the same transaction as the reservation. Returns seconds to wait when a limit
 * is reached, or `null`. Tokens per minute count a reservation's bound while open and its actual tokens once settled.
 */
export function rateLimitWait(sql: SqlStorage, limits: RateLimits, tokensBound: number, now: number): number | null {
  if (limits.concurrentRequests !== null) {
    const open = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM reservations WHERE state = 'open'").one().n;
    if (open >= limits.concurrentRequests) return 1;
  }
  if (limits.requestsPerMinute === null && limits.tokensPerMinute === null) return null;
  const since = now - WINDOW_MS;
  if (limits.requestsPerMinute !== null) {
    const window = sql.exec<{ n: number; first: number | null }>("SELECT COUNT(*) AS n, MIN(created_at) AS first FROM reservations WHERE created_at > ?", since).one();
    if (window.n >= limits.requestsPerMinute) return waitUntilOut(window.first, now);
  }
  if (limits.tokensPerMinute !== null) {
    const used = sql
      .exec<{ n: number | null; first: number | null }>(
        "SELECT SUM(COALESCE(tokens_actual, tokens_bound)) AS n, MIN(created_at) AS first FROM reservations WHERE created_at > ?",
        since,
      )
      .one();
    if ((used.n ?? 0) + tokensBound > limits.tokensPerMinute) return waitUntilOut(used.first, now);
  }
  return null;
}

function waitUntilOut(first: number | null, now: number): number {
  return first === null ? 1 : Math.max(1, Math.ceil((first + WINDOW_MS - now) / 1000));
}
