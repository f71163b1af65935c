import { SUM_SELECT, type UsageSums } from "./figures";
import { hourKey, type Period } from "./period";
import { scopeCondition, type Scope } from "./scope";

export const GROUP_BYS = ["none", "agent", "provider", "model"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const INTERVALS = ["hour", "day"] as const;
export type Interval = (typeof INTERVALS)[number];

/** One summed slice: a group (`key`, null for none or for requests refused before the group was known) in a bucket. */
export interface UsageRow extends UsageSums {
  /** 'YYYY-MM-DDTHH' (hour) or 'YYYY-MM-DD' (day); null without an interval. */
  bucket: string | null;
  key: string | null;
  /** The agent's or provider's name, or the model; null when unknown. */
  name: string | null;
}

// Constant SQL per choice: nothing the caller sends is ever spliced into the text.
const KEY: Record<GroupBy, string> = { none: "NULL", agent: "NULLIF(r.agent_id, '')", provider: "NULLIF(r.provider_id, '')", model: "NULLIF(r.model, '')" };
const NAME: Record<GroupBy, string> = { none: "NULL", agent: "MAX(a.name)", provider: "MAX(p.name)", model: "NULLIF(r.model, '')" };
const JOIN: Record<GroupBy, string> = { none: "", agent: "LEFT JOIN agents a ON a.id = r.agent_id", provider: "LEFT JOIN providers p ON p.id = r.provider_id", model: "" };
const BUCKET: Record<Interval | "none", string> = { none: "NULL", hour: "r.hour", day: "substr(r.hour, 1, 10)" };

/**
 * Sums of `usage_rollup` over a period (whole hours), per group and per time bucket. Reads rollups only — never
 * request_log — so its cost grows with hours × agents × models, not with traffic.
 */
export async function usageRows(db: D1Database, scope: Scope, period: Period, groupBy: GroupBy, interval: Interval | "none"): Promise<UsageRow[]> {
  const where = scopeCondition(scope, "r.agent_id");
  const sql = `SELECT ${BUCKET[interval]} AS bucket, ${KEY[groupBy]} AS key, ${NAME[groupBy]} AS name, ${SUM_SELECT}
    FROM usage_rollup r ${JOIN[groupBy]}
    WHERE r.hour >= ? AND r.hour < ? AND ${where.sql}
    GROUP BY 1, 2`;
  const from = period.fromMs === null ? "" : hourKey(period.fromMs);
  const result = await db.prepare(sql).bind(from, hourKey(period.toMs), ...where.params).all<UsageRow>();
  return result.results;
}

/** The first hour with any usage in scope (for all-time charts), or null when there is none. */
export async function firstUsageHour(db: D1Database, scope: Scope): Promise<string | null> {
  const where = scopeCondition(scope, "r.agent_id");
  const row = await db.prepare(`SELECT MIN(r.hour) AS hour FROM usage_rollup r WHERE ${where.sql}`).bind(...where.params).first<{ hour: string | null }>();
  return row?.hour ?? null;
}
