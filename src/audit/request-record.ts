/**
 * The audit record of one agent request: a `request_log` row in D1 and one JSON line on the Worker log
 * (`wrangler tail`). Only ids, counts, model names, money and outcomes: no prompt, no completion, no token,
 * no provider key; safety findings only as category + fingerprint. Keys are the D1 column names.
 */
export type RequestRecord = {
  id: string;
  agent_id: string | null;
  lease_id: string | null;
  provider_id: string | null;
  model: string | null;
  api_shape: string;
  endpoint: string;
  stream: number;
  status: number;
  outcome: string;
  error_code: string | null;
  input_tokens: number;
  cached_input_tokens: number;
  cache_write_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  reserved_micros: number;
  cost_micros: number;
  usage_source: string | null;
  max_tokens: number | null;
  latency_ms: number;
  ttfb_ms: number | null;
  price_version: string | null;
  /** Safety findings as JSON `[{category, detector, label, direction, source, action, fingerprint}]`; null/absent = none. */
  safety?: string | null;
  /** Audit tags (`x-iron-tags`) as a JSON array of strings; null/absent = none. */
  tags?: string | null;
  created_at: string;
};

const COLUMNS: readonly (keyof RequestRecord)[] = [
  "id", "agent_id", "lease_id", "provider_id", "model", "api_shape", "endpoint", "stream", "status", "outcome", "error_code",
  "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens", "reasoning_tokens", "reserved_micros",
  "cost_micros", "usage_source", "max_tokens", "latency_ms", "ttfb_ms", "price_version", "safety", "tags", "created_at",
];

/** The `wrangler tail` line. */
export function logRequest(record: RequestRecord): void {
  console.log(JSON.stringify({ event: "iron.request", ...record }));
}

/** An idempotent insert of a request record (by request id). */
export function requestLogInsert(db: D1Database, record: Readonly<Record<string, unknown>>): D1PreparedStatement {
  const values = COLUMNS.map((column) => {
    const value = record[column];
    return value === undefined ? null : value;
  });
  return db.prepare(`INSERT OR IGNORE INTO request_log (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`).bind(...values);
}
