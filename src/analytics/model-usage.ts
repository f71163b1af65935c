import { SUM_SELECT, type UsageSums } from "./figures";
import { hourKey, type Period } from "./period";
import { scopeCondition, type Scope } from "./scope";

export interface ModelUsageRow extends UsageSums {
  /** null for requests that named no model. */
  model: string | null;
  /** Comma-separated provider ids that served it (SQLite GROUP_CONCAT), null when none did. */
  providers: string | null;
  /** Agents that used it. */
  agents: number;
}

/** Usage per model over a period, from the rollups: most requested first. */
export async function modelUsage(db: D1Database, scope: Scope, period: Period): Promise<ModelUsageRow[]> {
  const where = scopeCondition(scope, "r.agent_id");
  const sql = `SELECT NULLIF(r.model, '') AS model, GROUP_CONCAT(DISTINCT NULLIF(r.provider_id, '')) AS providers,
      COUNT(DISTINCT NULLIF(r.agent_id, '')) AS agents, ${SUM_SELECT}
    FROM usage_rollup r
    WHERE r.hour >= ? AND r.hour < ? AND ${where.sql}
    GROUP BY 1
    ORDER BY requests DESC, cost_micros DESC, model`;
  const from = period.fromMs === null ? "" : hourKey(period.fromMs);
  const result = await db.prepare(sql).bind(from, hourKey(period.toMs), ...where.params).all<ModelUsageRow>();
  return result.results;
}
