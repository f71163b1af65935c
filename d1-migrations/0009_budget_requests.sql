-- Budget change requests: a user asks for a new total budget for one of their agents, with a justification; an
-- admin approves (possibly with a different amount), rejects with notes, or the requester cancels. An approval
-- changes the budget through the agent budget service, which writes the budget_changes row (source
-- 'budget_request', request_id = this id) and the audit record in the same D1 batch as the status change here.
CREATE TABLE budget_requests (
  id TEXT PRIMARY KEY,                               -- brq_…
  agent_id TEXT NOT NULL,
  requester_id TEXT NOT NULL,                        -- usr_… of whoever asked
  current_micros INTEGER NOT NULL CHECK (current_micros >= 0),     -- the agent's budget when asked
  requested_micros INTEGER NOT NULL CHECK (requested_micros >= 0), -- the new total budget asked for
  approved_micros INTEGER CHECK (approved_micros >= 0),            -- the total granted (set on approval only)
  justification TEXT NOT NULL,
  -- Named, so a guarded decision (status computed as 'conflict' when the request is no longer pending, see
  -- src/control/routes/budget-requests/decide-statement.ts) fails its whole batch with a recognisable error.
  status TEXT NOT NULL DEFAULT 'pending'
    CONSTRAINT budget_request_status CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
  reviewer_id TEXT,                                  -- who moved it out of pending (approver, rejecter, canceller)
  review_notes TEXT,
  created_at TEXT NOT NULL,
  decided_at TEXT,
  -- An approval in progress: the approver claims the request before telling the agent's budget object, so two
  -- approvals can never both apply. Expires, so a crashed approval does not block the request for ever.
  claim_id TEXT,
  claim_expires_at TEXT
);
-- One pending request per agent, enforced by the database (two racing creates: one wins, one CONFLICT).
CREATE UNIQUE INDEX budget_requests_one_pending ON budget_requests(agent_id) WHERE status = 'pending';
CREATE INDEX budget_requests_created ON budget_requests(created_at, id);
CREATE INDEX budget_requests_agent ON budget_requests(agent_id, created_at);
CREATE INDEX budget_requests_status ON budget_requests(status, created_at);
CREATE INDEX budget_requests_requester ON budget_requests(requester_id, created_at);
-- GET /budget-history lists every change newest first; budget_changes (0006) is only indexed by target.
CREATE INDEX budget_changes_at ON budget_changes(at, id);
