/** SQLite schema of one agent's budget ledger (Durable Object storage). */
export const ROOT_POOL = "agent";

export const BUDGET_DDL = [
  `CREATE TABLE IF NOT EXISTS settings (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     agent_id TEXT NOT NULL,
     status TEXT NOT NULL,
     token_hash TEXT,
     rpm INTEGER, tpm INTEGER, concurrency INTEGER,
     disconnect_policy TEXT NOT NULL DEFAULT 'drain',
     reservation_ttl_ms INTEGER NOT NULL DEFAULT 1800000,
     overrun_micros INTEGER NOT NULL DEFAULT 0,
     budget_micros INTEGER NOT NULL DEFAULT 0,
     project_id TEXT,
     project_slice_micros INTEGER NOT NULL DEFAULT 0,
     slice_idle_ms INTEGER NOT NULL DEFAULT 10000
   )`,
  // One row per budget pool: the agent's own budget ('agent') and every lease (children of a pool).
  // spent/reserved include all descendants, so a pool's commitment is spent + reserved + open children's headroom.
  `CREATE TABLE IF NOT EXISTS pools (
     id TEXT PRIMARY KEY,
     parent_id TEXT,
     token_hash TEXT UNIQUE,
     limit_micros INTEGER NOT NULL,
     spent_micros INTEGER NOT NULL DEFAULT 0,
     reserved_micros INTEGER NOT NULL DEFAULT 0,
     state TEXT NOT NULL CHECK (state IN ('open', 'returned', 'expired', 'revoked')),
     expires_at INTEGER,
     created_at INTEGER NOT NULL,
     closed_at INTEGER
   )`,
  `CREATE INDEX IF NOT EXISTS pools_children ON pools(parent_id, state)`,
  `CREATE INDEX IF NOT EXISTS pools_expiry ON pools(state, expires_at)`,
  `CREATE TABLE IF NOT EXISTS reservations (
     id TEXT PRIMARY KEY,
     pool_id TEXT NOT NULL,
     amount_micros INTEGER NOT NULL,
     max_tokens INTEGER NOT NULL,
     clamped INTEGER NOT NULL,
     tokens_bound INTEGER NOT NULL,
     tokens_actual INTEGER,
     state TEXT NOT NULL CHECK (state IN ('open', 'settled', 'expired', 'reconciled')),
     cost_micros INTEGER,
     source TEXT,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     settled_at INTEGER
   )`,
  `CREATE INDEX IF NOT EXISTS reservations_state ON reservations(state, expires_at)`,
  `CREATE INDEX IF NOT EXISTS reservations_time ON reservations(created_at)`,
  // External usage reported against leases, keyed by lease and the reporter's event id (exactly once per lease).
  `CREATE TABLE IF NOT EXISTS lease_reports (
     pool_id TEXT NOT NULL,
     event_id TEXT NOT NULL,
     amount_micros INTEGER NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (pool_id, event_id)
   )`,
  // Rows waiting to be delivered to D1; deleted only after D1 accepted them.
  `CREATE TABLE IF NOT EXISTS outbox (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     dedupe_id TEXT NOT NULL UNIQUE,
     kind TEXT NOT NULL CHECK (kind IN ('request', 'budget_event')),
     payload TEXT NOT NULL,
     created_at INTEGER NOT NULL
   )`,
];
