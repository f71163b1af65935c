-- Iron Runtime: gateway core schema. Money is integer micro-dollars; times are ISO-8601 UTC strings.

CREATE TABLE providers (
  id TEXT PRIMARY KEY,                      -- prov_…
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('openai', 'anthropic', 'openai_compatible')),
  base_url TEXT NOT NULL,
  models TEXT,                              -- JSON array of served models; NULL = every priced model of its vendor
  key_ciphertext TEXT NOT NULL,
  key_iv TEXT NOT NULL,
  key_wrapped TEXT NOT NULL,
  key_wrap_iv TEXT NOT NULL,
  key_version INTEGER NOT NULL,
  key_fingerprint TEXT NOT NULL,
  key_last4 TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE agents (
  id TEXT PRIMARY KEY,                      -- agt_…
  name TEXT NOT NULL,
  owner_id TEXT,
  project_id TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'deleted')),
  budget_micros INTEGER NOT NULL CHECK (budget_micros >= 0),
  provider_ids TEXT NOT NULL DEFAULT '[]',  -- JSON array of providers this agent may use
  allowed_models TEXT,                      -- JSON array; NULL = every model its providers serve
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE agent_tokens (
  id TEXT PRIMARY KEY,                      -- atk_…
  agent_id TEXT NOT NULL REFERENCES agents(id),
  token_hash TEXT NOT NULL UNIQUE,          -- hex SHA-256; the token itself is never stored
  label TEXT NOT NULL,                      -- "ic_AbCd…", safe to show
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX agent_tokens_agent ON agent_tokens(agent_id);

CREATE TABLE request_log (
  id TEXT PRIMARY KEY,                      -- request id (req_…)
  agent_id TEXT,
  provider_id TEXT,
  model TEXT,
  api_shape TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  stream INTEGER NOT NULL DEFAULT 0,
  status INTEGER NOT NULL,
  outcome TEXT NOT NULL,                    -- ok | refused | upstream_error | client_aborted | incomplete
  error_code TEXT,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  cached_input_tokens INTEGER NOT NULL DEFAULT 0,
  cache_write_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  reasoning_tokens INTEGER NOT NULL DEFAULT 0,
  reserved_micros INTEGER NOT NULL DEFAULT 0,
  cost_micros INTEGER NOT NULL DEFAULT 0,
  usage_source TEXT,                        -- provider | reservation (no usage reported)
  max_tokens INTEGER,
  latency_ms INTEGER NOT NULL,
  ttfb_ms INTEGER,
  price_version TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX request_log_agent_time ON request_log(agent_id, created_at);
CREATE INDEX request_log_time ON request_log(created_at);
