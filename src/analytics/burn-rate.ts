import { DAY_MS, floorHour, HOUR_MS, hourKey } from "./period";
import { scopeCondition, type Scope } from "./scope";

/** The burn rate looks at this many recent days of rollups. */
export const BURN_WINDOW_DAYS = 7;

/** Where the burn window starts: 7 days back, on the hour (the rollups are hourly). */
export function burnWindowStart(nowMs: number): number {
  return floorHour(nowMs - BURN_WINDOW_DAYS * DAY_MS);
}

/** Spend per agent (micro-dollars) since `fromMs`, from the rollups, for every agent in scope with any. */
export async function spendSince(db: D1Database, scope: Scope, fromMs: number): Promise<Map<string, number>> {
  const where = scopeCondition(scope, "r.agent_id");
  const result = await db
    .prepare(`SELECT r.agent_id AS agent_id, SUM(r.cost_micros) AS cost FROM usage_rollup r WHERE r.hour >= ? AND ${where.sql} GROUP BY r.agent_id`)
    .bind(hourKey(fromMs), ...where.params)
    .all<{ agent_id: string; cost: number }>();
  return new Map(result.results.map((row) => [row.agent_id, row.cost]));
}

/**
 * Average spend per day over the window, in micro-dollars. An agent younger than the window is measured over its
 * own life (from its creation hour), or a new agent's first day would read as a seventh of its real pace; at least
 * one hour, so one early request does not extrapolate to a huge rate.
 */
export function burnRatePerDay(spentMicros: number, windowStartMs: number, createdAtMs: number, nowMs: number): number {
  const start = Math.max(windowStartMs, floorHour(createdAtMs));
  const elapsed = Math.max(HOUR_MS, nowMs - start);
  return (spentMicros * DAY_MS) / elapsed;
}

export interface Exhaustion {
  /** Days until the remaining budget is spent at the burn rate (0 when nothing is left). */
  readonly daysLeft: number;
  /** null beyond the year 9999 (a trickle against a large budget), which no date can say. */
  readonly atMs: number | null;
}

const LAST_DATE_MS = Date.UTC(9999, 11, 31);

/** When the remaining budget runs out at `burnPerDay`; null when nothing is being spent and something is left. */
export function exhaustion(remainingMicros: number, burnPerDay: number, nowMs: number): Exhaustion | null {
  if (remainingMicros <= 0) return { daysLeft: 0, atMs: nowMs };
  if (burnPerDay <= 0) return null;
  const days = remainingMicros / burnPerDay;
  const atMs = nowMs + days * DAY_MS;
  return { daysLeft: days, atMs: atMs > LAST_DATE_MS ? null : Math.round(atMs) };
}
