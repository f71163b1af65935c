import { appendLedger, readConfig, remainingOf } from "./ledger-store";
import type { SettleInput, SettleResult } from "./types";

/**
 * Settles a reservation exactly once: the actual cost moves to spent, the reservation is released.
 * A repeated settlement changes nothing. A cost above the reservation (a provider that overproduced)
 * is charged in full and recorded as an overrun.
 */
export function settle(sql: SqlStorage, input: SettleInput): SettleResult {
  const row = sql
    .exec<{ amount_micros: number; state: string; cost_micros: number | null }>(
      "SELECT amount_micros, state, cost_micros FROM reservations WHERE id = ?",
      input.reservationId,
    )
    .toArray()[0];
  const config = readConfig(sql);
  if (row === undefined || config === null) return { ok: false, reason: "unknown_reservation" };
  if (row.state === "settled") {
    const cost = row.cost_micros ?? 0;
    return { ok: true, duplicate: true, costMicros: cost, overrunMicros: Math.max(0, cost - row.amount_micros), remainingMicros: Math.max(0, remainingOf(config)) };
  }
  const cost = Math.max(0, Math.ceil(input.costMicros));
  const overrun = Math.max(0, cost - row.amount_micros);
  sql.exec(
    "UPDATE reservations SET state = 'settled', cost_micros = ?, source = ?, settled_at = ? WHERE id = ?",
    cost,
    input.source,
    Date.now(),
    input.reservationId,
  );
  sql.exec("UPDATE config SET spent_micros = spent_micros + ?, reserved_micros = reserved_micros - ? WHERE id = 1", cost, row.amount_micros);
  appendLedger(sql, `settle:${input.reservationId}`, "settle", cost, { reserved: row.amount_micros, overrun, source: input.source });
  const after = readConfig(sql);
  return { ok: true, duplicate: false, costMicros: cost, overrunMicros: overrun, remainingMicros: after === null ? 0 : Math.max(0, remainingOf(after)) };
}
