-- Control-plane audit log (issue 4 §6): one record per mutation, denied or failed action, hash-chained.
-- Written only through src/control/audit/audit-statement.ts, in the same D1 batch as the change it records.
-- hash = SHA-256 over the record's fields and prev_hash (computed in the Worker: SQLite has no SHA-256).
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,                  -- 1, 2, 3, … without gaps; assigned inside the insert
  id TEXT NOT NULL UNIQUE,                  -- aud_…
  at TEXT NOT NULL,                         -- ISO-8601 UTC
  actor_id TEXT,                            -- usr_… / agt_…; NULL for an anonymous caller (e.g. a failed login)
  actor_role TEXT NOT NULL,                 -- admin | user | viewer | agent | anonymous | system
  action TEXT NOT NULL,                     -- agent.create, auth.login, provider.rotate_key, …
  target_type TEXT,
  target_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
  "before" TEXT,                            -- JSON, secrets replaced by fingerprints
  "after" TEXT,                             -- JSON, secrets replaced by fingerprints
  ip TEXT,
  request_id TEXT,
  prev_hash TEXT NOT NULL UNIQUE,           -- the previous record's hash (64 zeros for the first): UNIQUE = no fork
  hash TEXT NOT NULL                        -- NULL here means the writer hashed against a stale head: the batch fails
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor_id, seq);
CREATE INDEX audit_log_target ON audit_log(target_type, target_id, seq);
CREATE INDEX audit_log_action ON audit_log(action, seq);
CREATE INDEX audit_log_request ON audit_log(request_id);

-- Append-only for the application: a bug that updates or deletes a record fails loudly. (Someone with direct
-- database access can drop these triggers; the hash chain is what makes such tampering detectable.)
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
