import { isRefusalCode, resolveSpender } from "./access";
import { clampToBudget } from "./clamp";
import { applyDelta, available, readPool, rootPool } from "./pools";
import { rateLimitWait } from "./rate-limits";
import { readSettings } from "./settings";
import type { ReserveInput, ReserveResult } from "./types";

/**
 * The one reservation point. In the caller's `transactionSync`: checks the presented token against the live
 * one, the agent's status and limits, clamps the completion bound to what the pool can pay for, and records
 * the reservation in the pool (and, through it, in every ancestor) — so concurrent requests can never both
 * pass a check that the other's spend would fail.
 */
export function reserve(sql: SqlStorage, input: ReserveInput, now: number): ReserveResult {
  const settings = readSettings(sql);
  const root = rootPool(sql);
  if (settings === null || root === null) return { ok: false, code: "invalid_agent_token", remainingMicros: 0, agentRemainingMicros: 0 };
  const agentRemaining = (): number => {
    const current = rootPool(sql);
    return current === null ? 0 : available(sql, current);
  };
  const pool = resolveSpender(sql, settings, input.spender, now);
  if (isRefusalCode(pool)) return { ok: false, code: pool, remainingMicros: 0, agentRemainingMicros: agentRemaining() };

  const existing = sql
    .exec<{ amount_micros: number; max_tokens: number; clamped: number; pool_id: string }>(
      "SELECT amount_micros, max_tokens, clamped, pool_id FROM reservations WHERE id = ?",
      input.reservationId,
    )
    .toArray()[0];
  if (existing !== undefined) {
    const held = readPool(sql, existing.pool_id);
    return {
      ok: true,
      reservationId: input.reservationId,
      poolId: existing.pool_id,
      amountMicros: existing.amount_micros,
      maxTokens: existing.max_tokens,
      clamped: existing.clamped === 1,
      remainingMicros: held === null ? 0 : available(sql, held),
      agentRemainingMicros: agentRemaining(),
      disconnectPolicy: settings.disconnectPolicy,
    };
  }

  const remaining = available(sql, pool);
  const clamp = clampToBudget({ ...input, remainingMicros: remaining });
  if (!clamp.ok) return { ok: false, code: "budget_exceeded", remainingMicros: remaining, agentRemainingMicros: agentRemaining(), poolId: pool.id };
  const tokensBound = input.inputTokens + clamp.maxTokens;
  const wait = rateLimitWait(sql, settings.limits, tokensBound, now);
  if (wait !== null) return { ok: false, code: "rate_limited", remainingMicros: remaining, agentRemainingMicros: agentRemaining(), retryAfterSeconds: wait };

  sql.exec(
    `INSERT INTO reservations (id, pool_id, amount_micros, max_tokens, clamped, tokens_bound, state, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    input.reservationId,
    pool.id,
    clamp.amountMicros,
    clamp.maxTokens,
    clamp.clamped ? 1 : 0,
    tokensBound,
    now,
    now + settings.reservationTtlMs,
  );
  applyDelta(sql, pool.id, 0, clamp.amountMicros);
  return {
    ok: true,
    reservationId: input.reservationId,
    poolId: pool.id,
    amountMicros: clamp.amountMicros,
    maxTokens: clamp.maxTokens,
    clamped: clamp.clamped,
    remainingMicros: remaining - clamp.amountMicros,
    agentRemainingMicros: agentRemaining(),
    disconnectPolicy: settings.disconnectPolicy,
  };
}
