-- History of every budget change (agent and project budgets): who changed what, from what, to what, and why.
-- Written in the same D1 batch as the change and its audit record.
CREATE TABLE budget_changes (
  id TEXT PRIMARY KEY,                      -- bch_…
  target_type TEXT NOT NULL CHECK (target_type IN ('agent', 'project')),
  target_id TEXT NOT NULL,
  old_micros INTEGER,                       -- NULL when the object was created with this budget
  new_micros INTEGER NOT NULL CHECK (new_micros >= 0),
  source TEXT NOT NULL CHECK (source IN ('create', 'limit_set', 'budget_request')),
  request_id TEXT,                          -- the budget change request (brq_…) that caused it, if any
  actor_id TEXT,
  reason TEXT,
  at TEXT NOT NULL
);
CREATE INDEX budget_changes_target ON budget_changes(target_type, target_id, at);
