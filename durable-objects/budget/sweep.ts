import { closeLease } from "./leases";
import { budgetEvent, enqueue } from "./outbox";
import { applyDelta, readPool } from "./pools";
import { readSettings } from "./settings";

/**
 * The alarm's work: reservations never settled within their timeout are charged in full (a late settlement
 * reconciles them once); leases past their expiry are closed and their remainder returned.
 * Returns the next time something will need sweeping, or null.
 */
export function sweep(sql: SqlStorage, now: number): number | null {
  const agentId = readSettings(sql)?.agentId ?? "";
  const stale = sql
    .exec<{ id: string; pool_id: string; amount_micros: number }>("SELECT id, pool_id, amount_micros FROM reservations WHERE state = 'open' AND expires_at <= ?", now)
    .toArray();
  for (const row of stale) {
    applyDelta(sql, row.pool_id, row.amount_micros, -row.amount_micros);
    sql.exec("UPDATE reservations SET state = 'expired', cost_micros = amount_micros, source = 'timeout', settled_at = ? WHERE id = ?", now, row.id);
    enqueue(sql, `expire:${row.id}`, "budget_event", budgetEvent(agentId, `expire:${row.id}`, "reservation_expired", row.pool_id, row.amount_micros, now), now);
  }
  const expired = sql.exec<{ id: string }>("SELECT id FROM pools WHERE state = 'open' AND expires_at IS NOT NULL AND expires_at <= ?", now).toArray();
  for (const { id } of expired) {
    const lease = readPool(sql, id);
    if (lease !== null) closeLease(sql, lease, "expired", now);
  }
  // Settled reservations are kept an hour for idempotent retries and rate windows, then dropped.
  sql.exec("DELETE FROM reservations WHERE state IN ('settled', 'reconciled') AND settled_at < ?", now - 3_600_000);
  return nextDue(sql);
}

export function nextDue(sql: SqlStorage): number | null {
  const next = sql
    .exec<{ t: number | null }>(
      `SELECT MIN(t) AS t FROM (
         SELECT MIN(expires_at) AS t FROM reservations WHERE state = 'open'
         UNION ALL SELECT MIN(expires_at) AS t FROM pools WHERE state = 'open' AND expires_at IS NOT NULL)`,
    )
    .one().t;
  return next ?? null;
}
