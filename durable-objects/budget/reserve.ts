import { constantTimeEqual } from "../../src/tokens/constant-time";
import { clampToBudget } from "./clamp";
import { appendLedger, readConfig, remainingOf, type ConfigRow } from "./ledger-store";
import type { ReserveInput, ReserveResult } from "./types";

/**
 * The one reservation point. Checks the presented token against the live one, the agent's status and
 * the remaining budget, clamps the completion bound and records the reservation — all in the caller's
 * `transactionSync`, so concurrent requests can never both pass a check the other's spend would fail.
 */
export function reserve(sql: SqlStorage, input: ReserveInput): ReserveResult {
  const config = readConfig(sql);
  if (config === null) return { ok: false, code: "invalid_agent_token", remainingMicros: 0 };
  const remaining = Math.max(0, remainingOf(config));
  const refusal = checkAccess(config, input.tokenHash);
  if (refusal !== null) return { ok: false, code: refusal, remainingMicros: remaining };

  const existing = sql
    .exec<{ amount_micros: number; max_tokens: number; clamped: number }>(
      "SELECT amount_micros, max_tokens, clamped FROM reservations WHERE id = ?",
      input.reservationId,
    )
    .toArray()[0];
  if (existing !== undefined) {
    return { ok: true, reservationId: input.reservationId, amountMicros: existing.amount_micros, maxTokens: existing.max_tokens, clamped: existing.clamped === 1, remainingMicros: remaining };
  }

  const clamp = clampToBudget({ ...input, remainingMicros: remaining });
  if (!clamp.ok) return { ok: false, code: "budget_exceeded", remainingMicros: remaining };

  sql.exec(
    "INSERT INTO reservations (id, amount_micros, max_tokens, clamped, state, created_at) VALUES (?, ?, ?, ?, 'open', ?)",
    input.reservationId,
    clamp.amountMicros,
    clamp.maxTokens,
    clamp.clamped ? 1 : 0,
    Date.now(),
  );
  sql.exec("UPDATE config SET reserved_micros = reserved_micros + ? WHERE id = 1", clamp.amountMicros);
  appendLedger(sql, `reserve:${input.reservationId}`, "reserve", clamp.amountMicros, { maxTokens: clamp.maxTokens });
  return {
    ok: true,
    reservationId: input.reservationId,
    amountMicros: clamp.amountMicros,
    maxTokens: clamp.maxTokens,
    clamped: clamp.clamped,
    remainingMicros: remaining - clamp.amountMicros,
  };
}

function checkAccess(config: ConfigRow, tokenHash: string): "invalid_agent_token" | "agent_suspended" | null {
  if (config.status === "deleted" || config.tokenHash === null) return "invalid_agent_token";
  if (!constantTimeEqual(config.tokenHash, tokenHash)) return "invalid_agent_token";
  if (config.status === "suspended") return "agent_suspended";
  return null;
}
