import { microsToUsd } from "../pricing/cost";

/** Summed rollup figures of some slice of usage (an hour, a day, an agent, a model, a whole period). */
export interface UsageSums {
  requests: number;
  successes: number;
  errors: number;
  input_tokens: number;
  cached_input_tokens: number;
  cache_write_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  cost_micros: number;
  latency_ms_total: number;
}

export const SUM_COLUMNS = [
  "requests", "successes", "errors", "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens",
  "reasoning_tokens", "cost_micros", "latency_ms_total",
] as const satisfies readonly (keyof UsageSums)[];

/** `SUM(r.requests) AS requests, …` (COALESCE: a SUM over no rows is NULL). */
export const SUM_SELECT = SUM_COLUMNS.map((column) => `COALESCE(SUM(r.${column}), 0) AS ${column}`).join(", ");

export function zeroSums(): UsageSums {
  return { requests: 0, successes: 0, errors: 0, input_tokens: 0, cached_input_tokens: 0, cache_write_tokens: 0, output_tokens: 0, reasoning_tokens: 0, cost_micros: 0, latency_ms_total: 0 };
}

export function addSums(into: UsageSums, more: UsageSums): UsageSums {
  for (const column of SUM_COLUMNS) into[column] += more[column];
  return into;
}

/** The API view of summed figures: money as decimal USD, a success rate, tokens by class. */
export function figuresView(sums: UsageSums) {
  return {
    cost_usd: microsToUsd(sums.cost_micros),
    requests: sums.requests,
    successes: sums.successes,
    errors: sums.errors,
    success_rate: sums.requests === 0 ? null : sums.successes / sums.requests,
    avg_latency_ms: sums.requests === 0 ? null : Math.round(sums.latency_ms_total / sums.requests),
    tokens: {
      input: sums.input_tokens,
      cached_input: sums.cached_input_tokens,
      cache_write: sums.cache_write_tokens,
      output: sums.output_tokens,
      reasoning: sums.reasoning_tokens,
      total: sums.input_tokens + sums.cached_input_tokens + sums.cache_write_tokens + sums.output_tokens + sums.reasoning_tokens,
    },
  };
}

export type FiguresView = ReturnType<typeof figuresView>;
