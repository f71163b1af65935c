-- Budget engine: leases spend through the gateway, and the budget object's ledger events land here.
ALTER TABLE request_log ADD COLUMN lease_id TEXT;

CREATE TABLE budget_events (
  id TEXT PRIMARY KEY,                      -- the budget object's event id (idempotent delivery)
  agent_id TEXT NOT NULL,
  pool_id TEXT NOT NULL,                    -- 'agent' or a lease id
  kind TEXT NOT NULL,                       -- lease_open | lease_refresh | lease_returned | lease_expired | lease_revoked | usage_report | reservation_expired | reconcile | overrun
  amount_micros INTEGER NOT NULL,
  at TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX budget_events_agent_time ON budget_events(agent_id, at);

-- Per-agent limits and the policy for streams whose client disconnects (checked in the budget object).
ALTER TABLE agents ADD COLUMN rpm_limit INTEGER;
ALTER TABLE agents ADD COLUMN tpm_limit INTEGER;
ALTER TABLE agents ADD COLUMN concurrency_limit INTEGER;
ALTER TABLE agents ADD COLUMN disconnect_policy TEXT NOT NULL DEFAULT 'drain' CHECK (disconnect_policy IN ('drain', 'bill_reservation'));
