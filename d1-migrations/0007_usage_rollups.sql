-- Usage rollups for analytics: one row per UTC hour × agent × provider × model, upserted in the same D1 batch that
-- delivers the request_log row (and only when that row is new, so redelivery never double-counts). Analytics reads
-- these, never scans request_log. Empty provider/model ('') when a request was refused before routing.
CREATE TABLE usage_rollup (
  hour TEXT NOT NULL,                       -- 'YYYY-MM-DDTHH' (UTC)
  agent_id TEXT NOT NULL,
  provider_id TEXT NOT NULL DEFAULT '',
  model TEXT NOT NULL DEFAULT '',
  requests INTEGER NOT NULL DEFAULT 0,
  successes INTEGER NOT NULL DEFAULT 0,     -- outcome 'ok'
  errors INTEGER NOT NULL DEFAULT 0,        -- everything else (refusals, upstream errors)
  input_tokens INTEGER NOT NULL DEFAULT 0,
  cached_input_tokens INTEGER NOT NULL DEFAULT 0,
  cache_write_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  reasoning_tokens INTEGER NOT NULL DEFAULT 0,
  cost_micros INTEGER NOT NULL DEFAULT 0,
  latency_ms_total INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, agent_id, provider_id, model)
);
CREATE INDEX usage_rollup_agent ON usage_rollup(agent_id, hour);
CREATE INDEX usage_rollup_provider ON usage_rollup(provider_id, hour);
