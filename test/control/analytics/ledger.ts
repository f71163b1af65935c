// Expected analytics figures, summed directly over the ledger (request_log) with SQL — the rollups are not read.
import { env } from "cloudflare:workers";
import { microsToUsd } from "../../../src/pricing/cost";

export type GroupBy = "none" | "agent" | "provider" | "model";

export interface Figures {
  cost_usd: string;
  requests: number;
  successes: number;
  errors: number;
  success_rate: number | null;
  avg_latency_ms: number | null;
  tokens: { input: number; cached_input: number; cache_write: number; output: number; reasoning: number; total: number };
}

const KEY: Record<GroupBy, string> = {
  none: "NULL",
  agent: "agent_id",
  provider: "NULLIF(COALESCE(provider_id, ''), '')",
  model: "NULLIF(COALESCE(model, ''), '')",
};

interface LedgerRow { key: string | null; requests: number; successes: number; cost: number; latency: number; input: number; cached: number; write: number; output: number; reasoning: number }

/**
 * Sums of request_log rows created in [from, to) (ISO strings; null from = the beginning), for the given agents
 * (null = every row, unattributed ones too), per group. Keyed by the group key (null for none).
 */
export async function ledgerFigures(from: string | null, to: string, agents: readonly string[] | null, groupBy: GroupBy): Promise<Map<string | null, Figures>> {
  const sql = `SELECT ${KEY[groupBy]} AS key, COUNT(*) AS requests, SUM(outcome = 'ok') AS successes, SUM(cost_micros) AS cost,
      SUM(latency_ms) AS latency, SUM(input_tokens) AS input, SUM(cached_input_tokens) AS cached, SUM(cache_write_tokens) AS write,
      SUM(output_tokens) AS output, SUM(reasoning_tokens) AS reasoning
    FROM request_log WHERE created_at >= ? AND created_at < ? AND (? IS NULL OR agent_id IN (SELECT value FROM json_each(?)))
    GROUP BY 1`;
  const list = agents === null ? null : JSON.stringify(agents);
  const rows = await env.DB.prepare(sql).bind(from ?? "", to, list, list ?? "[]").all<LedgerRow>();
  return new Map(rows.results.map((row) => [row.key, figuresOf(row)]));
}

function figuresOf(row: LedgerRow): Figures {
  return {
    cost_usd: microsToUsd(row.cost),
    requests: row.requests,
    successes: row.successes,
    errors: row.requests - row.successes,
    success_rate: row.successes / row.requests,
    avg_latency_ms: Math.round(row.latency / row.requests),
    tokens: { input: row.input, cached_input: row.cached, cache_write: row.write, output: row.output, reasoning: row.reasoning, total: row.input + row.cached + row.write + row.output + row.reasoning },
  };
}

export const NO_FIGURES: Figures = {
  cost_usd: "0.000000", requests: 0, successes: 0, errors: 0, success_rate: null, avg_latency_ms: null,
  tokens: { input: 0, cached_input: 0, cache_write: 0, output: 0, reasoning: 0, total: 0 },
};
