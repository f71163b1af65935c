-- Projects: a budget shared by their agents, enforced by the project's budget object (slices lent to agents).
CREATE TABLE projects (
  id TEXT PRIMARY KEY,                      -- prj_…
  name TEXT NOT NULL UNIQUE,
  budget_micros INTEGER NOT NULL CHECK (budget_micros >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agents_project ON agents(project_id);
