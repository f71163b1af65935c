-- Policies (issue 4): per agent and per project, safety actions per detector and a model allow-list.
-- D1 is the source of truth; the gateway reads them through KV (`policy:agent:<id>`, `policy:project:<id>`),
-- written on every change and read through with a 60 s TTL, so a change can take up to ~65 s to reach every
-- location (KV propagation plus a 5 s per-isolate memo). See src/policies/.
CREATE TABLE policies (
  id TEXT PRIMARY KEY,                      -- pol_…
  scope TEXT NOT NULL CHECK (scope IN ('agent', 'project')),
  target_id TEXT NOT NULL,                  -- agt_… or prj_…
  document TEXT NOT NULL,                   -- JSON: {"safety":{"input":{…},"output":{…}},"models":{"allow":[…]|null}}
  updated_by TEXT,                          -- usr_… of the last writer
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (scope, target_id)
);

-- Projects get a free-text description (PATCH /projects/:id).
ALTER TABLE projects ADD COLUMN description TEXT;
