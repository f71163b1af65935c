import { available, leasedOut, rootPool } from "./pools";
import { readSettings } from "./settings";
import type { BudgetSnapshot } from "./types";

export function snapshot(sql: SqlStorage): BudgetSnapshot | null {
  const settings = readSettings(sql);
  const root = rootPool(sql);
  if (settings === null || root === null) return null;
  const count = (query: string): number => sql.exec<{ n: number }>(query).one().n;
  return {
    agentId: settings.agentId,
    status: settings.status,
    budgetMicros: root.limitMicros,
    spentMicros: root.spentMicros,
    reservedMicros: root.reservedMicros,
    leasedOutMicros: leasedOut(sql, root.id),
    remainingMicros: available(sql, root),
    openReservations: count("SELECT COUNT(*) AS n FROM reservations WHERE state = 'open'"),
    openLeases: count("SELECT COUNT(*) AS n FROM pools WHERE state = 'open' AND parent_id IS NOT NULL"),
    overrunMicros: settings.overrunMicros,
  };
}
