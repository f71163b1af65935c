import { requestLogInsert } from "../audit/request-record";

/**
 * Adds one request_log row to its hourly rollup (d1-migrations/0007_usage_rollups.sql), but only if the statement
 * run just before it in the same batch inserted that row: `changes()` is the row count of the connection's last
 * completed INSERT/UPDATE/DELETE, and an `INSERT OR IGNORE` of a row already there (a redelivered outbox batch)
 * changes 0 rows. The figures are read back from the stored row, so the rollup always matches the ledger.
 * `substr` rather than `strftime` for the hour: a malformed time must not fail the batch (NOT NULL), and every
 * writer stores `toISOString()` text, whose first 13 characters are 'YYYY-MM-DDTHH'.
 */
const ROLLUP_UPSERT = `INSERT INTO usage_rollup (hour, agent_id, provider_id, model, requests, successes, errors, input_tokens,
    cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_micros, latency_ms_total)
  SELECT substr(created_at, 1, 13), COALESCE(agent_id, ''), COALESCE(provider_id, ''), COALESCE(model, ''), 1,
    outcome = 'ok', outcome <> 'ok', input_tokens, cached_input_tokens, cache_write_tokens, output_tokens,
    reasoning_tokens, cost_micros, latency_ms
  FROM request_log WHERE id = ? AND changes() = 1
  ON CONFLICT (hour, agent_id, provider_id, model) DO UPDATE SET
    requests = requests + excluded.requests, successes = successes + excluded.successes, errors = errors + excluded.errors,
    input_tokens = input_tokens + excluded.input_tokens, cached_input_tokens = cached_input_tokens + excluded.cached_input_tokens,
    cache_write_tokens = cache_write_tokens + excluded.cache_write_tokens, output_tokens = output_tokens + excluded.output_tokens,
    reasoning_tokens = reasoning_tokens + excluded.reasoning_tokens, cost_micros = cost_micros + excluded.cost_micros,
    latency_ms_total = latency_ms_total + excluded.latency_ms_total`;

/** The rollup upsert of request `id`; valid only directly after that request's `INSERT OR IGNORE` in one batch. */
export function rollupUpsert(db: D1Database, requestId: string): D1PreparedStatement {
  return db.prepare(ROLLUP_UPSERT).bind(requestId);
}

/**
 * The only way a request_log row is written: the idempotent insert, then its rollup, adjacent, for one `db.batch`
 * (a batch is one transaction, so the row and its rollup commit together or not at all). Redelivery of the same
 * row inserts nothing and so adds nothing to the rollup.
 */
export function requestLogWithRollup(db: D1Database, record: Readonly<Record<string, unknown>>): [D1PreparedStatement, D1PreparedStatement] {
  const id = record.id;
  if (typeof id !== "string") throw new Error("request record without an id");
  return [requestLogInsert(db, record), rollupUpsert(db, id)];
}
