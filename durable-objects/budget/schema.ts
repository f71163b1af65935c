/** SQLite schema of one agent's budget ledger (Durable Object storage). */
export const BUDGET_DDL = [
  `CREATE TABLE IF NOT EXISTS config (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     agent_id TEXT NOT NULL,
     budget_micros INTEGER NOT NULL,
     status TEXT NOT NULL,
     token_hash TEXT,
     spent_micros INTEGER NOT NULL DEFAULT 0,
     reserved_micros INTEGER NOT NULL DEFAULT 0
   )`,
  `CREATE TABLE IF NOT EXISTS reservations (
     id TEXT PRIMARY KEY,
     amount_micros INTEGER NOT NULL,
     max_tokens INTEGER NOT NULL,
     clamped INTEGER NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('open', 'settled')),
     cost_micros INTEGER,
     source TEXT,
     created_at INTEGER NOT NULL,
     settled_at INTEGER
   )`,
  `CREATE INDEX IF NOT EXISTS reservations_open ON reservations(state, created_at)`,
  `CREATE TABLE IF NOT EXISTS ledger (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     event_id TEXT NOT NULL UNIQUE,
     kind TEXT NOT NULL,
     amount_micros INTEGER NOT NULL,
     at INTEGER NOT NULL,
     detail TEXT
   )`,
];
