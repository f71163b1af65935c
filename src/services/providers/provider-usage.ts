import type { ProviderRow } from "../../db/schema";
import { microsToUsd } from "../../pricing/cost";
import { providerView, type ProviderView } from "./provider-view";

export interface ProviderUsage {
  requests: number;
  spend_usd: string;
  /** Start of the UTC hour of the last request (usage is rolled up by hour), or null when never used. */
  last_used_at: string | null;
}

/** A provider as the control API shows it: the key-less view, its usage, and how many live agents may use it. */
export interface ProviderDetail extends ProviderView {
  usage: ProviderUsage;
  agents_count: number;
}

/**
 * Adds usage (from the hourly `usage_rollup`, filled as requests are logged, so it trails the gateway by the
 * ledger's delivery delay) and live-agent counts to provider rows: two queries for the whole page.
 */
export async function providerDetails(env: Env, rows: readonly ProviderRow[]): Promise<ProviderDetail[]> {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((row) => row.id));
  const [usage, counts] = await Promise.all([
    env.DB.prepare(
      `SELECT provider_id, SUM(requests) AS requests, SUM(cost_micros) AS cost, MAX(hour) AS last_hour FROM usage_rollup
       WHERE provider_id IN (SELECT value FROM json_each(?)) GROUP BY provider_id`,
    )
      .bind(ids)
      .all<{ provider_id: string; requests: number; cost: number; last_hour: string | null }>(),
    env.DB.prepare(
      `SELECT j.value AS provider_id, COUNT(*) AS n FROM agents a, json_each(a.provider_ids) j
       WHERE a.status != 'deleted' AND j.value IN (SELECT value FROM json_each(?)) GROUP BY j.value`,
    )
      .bind(ids)
      .all<{ provider_id: string; n: number }>(),
  ]);
  return rows.map((row) => {
    const used = usage.results.find((u) => u.provider_id === row.id);
    return {
      ...providerView(row),
      usage: {
        requests: used?.requests ?? 0,
        spend_usd: microsToUsd(used?.cost ?? 0),
        last_used_at: used?.last_hour == null ? null : `${used.last_hour}:00:00.000Z`,
      },
      agents_count: counts.results.find((c) => c.provider_id === row.id)?.n ?? 0,
    };
  });
}

export async function providerDetail(env: Env, row: ProviderRow): Promise<ProviderDetail> {
  const [detail] = await providerDetails(env, [row]);
  if (detail === undefined) throw new Error("providerDetails lost a row");
  return detail;
}
