import { budgetEvent, enqueue } from "./outbox";
import { applyDelta, available, readPool } from "./pools";
import { rebalanceChain } from "./leases";
import { addOverrun, readSettings } from "./settings";
import type { SettleInput, SettleResult } from "./types";

type ReservationRow = {
  pool_id: string;
  amount_micros: number;
  state: "open" | "settled" | "expired" | "reconciled";
  cost_micros: number | null;
};

/**
 * Settles a reservation exactly once: the actual cost moves to spent and the reservation is released.
 * A reservation the sweep already expired (charged in full) is reconciled to the actual cost, once.
 * A cost above the reservation (a provider that overproduced) is charged in full and recorded as overrun.
 */
export function settle(sql: SqlStorage, input: SettleInput, now: number): SettleResult {
  const row = sql.exec<ReservationRow>("SELECT pool_id, amount_micros, state, cost_micros FROM reservations WHERE id = ?", input.reservationId).toArray()[0];
  const settings = readSettings(sql);
  if (row === undefined || settings === null) return { ok: false, reason: "unknown_reservation" };
  const remaining = (): number => {
    const pool = readPool(sql, row.pool_id);
    return pool === null ? 0 : available(sql, pool);
  };
  if (row.state === "settled" || row.state === "reconciled") {
    const cost = row.cost_micros ?? 0;
    return { ok: true, duplicate: true, late: row.state === "reconciled", costMicros: cost, overrunMicros: Math.max(0, cost - row.amount_micros), remainingMicros: remaining() };
  }
  const cost = Math.max(0, Math.ceil(input.costMicros));
  const late = row.state === "expired";
  // Open: release the reservation, charge the cost. Expired: it was charged in full; correct it to the cost.
  if (late) applyDelta(sql, row.pool_id, cost - row.amount_micros, 0);
  else applyDelta(sql, row.pool_id, cost, -row.amount_micros);
  sql.exec(
    "UPDATE reservations SET state = ?, cost_micros = ?, source = ?, tokens_actual = ?, settled_at = ? WHERE id = ?",
    late ? "reconciled" : "settled",
    cost,
    input.source,
    input.tokens,
    now,
    input.reservationId,
  );
  const overrun = Math.max(0, cost - row.amount_micros);
  addOverrun(sql, overrun);
  if (overrun > 0) rebalanceChain(sql, row.pool_id);
  if (input.record !== undefined) enqueue(sql, `request:${input.reservationId}`, "request", { ...input.record, cost_micros: cost, reserved_micros: row.amount_micros }, now);
  if (late || overrun > 0) {
    enqueue(sql, `${late ? "reconcile" : "overrun"}:${input.reservationId}`, "budget_event", budgetEvent(settings.agentId, `${late ? "reconcile" : "overrun"}:${input.reservationId}`, late ? "reconcile" : "overrun", row.pool_id, late ? cost - row.amount_micros : overrun, now), now);
  }
  return { ok: true, duplicate: false, late, costMicros: cost, overrunMicros: overrun, remainingMicros: remaining() };
}
