-- Control API accounts: users, login sessions (rotating refresh tokens), API tokens, login throttling.
-- Times are ISO-8601 UTC strings (`toISOString()`, so they compare as text). Secrets are stored only as hashes.

CREATE TABLE users (
  id TEXT PRIMARY KEY,                      -- usr_…
  email TEXT NOT NULL COLLATE NOCASE UNIQUE, -- stored trimmed and lower-cased; unique regardless of case
  password_hash TEXT NOT NULL,              -- scrypt$N$r$p$salt$hash (base64url)
  role TEXT NOT NULL CHECK (role IN ('admin', 'user', 'viewer')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'deleted')),
  session_version INTEGER NOT NULL DEFAULT 1, -- bumped on password change, role change, suspension: ends every session
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_login_at TEXT
);
CREATE INDEX users_role_status ON users(role, status);

-- One row per refresh token. A login starts a family (family_id = the first row's id = the access token's `sid`);
-- every refresh revokes its row ('rotated') and adds a child. Presenting a rotated token revokes the whole family.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,                      -- ses_…
  user_id TEXT NOT NULL REFERENCES users(id),
  family_id TEXT NOT NULL,
  parent_id TEXT,                           -- the row this one replaced; NULL for the login
  refresh_hash TEXT NOT NULL UNIQUE,        -- hex SHA-256 of the irt_… token
  session_version INTEGER NOT NULL,         -- users.session_version when issued; a mismatch ends the session
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_reason TEXT,                      -- rotated | logout | reuse_detected | user_changed | password_changed | role_changed | suspended
  user_agent TEXT,
  ip TEXT
);
CREATE INDEX sessions_family ON sessions(family_id);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,                      -- atok_…
  user_id TEXT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,          -- hex SHA-256 of the apitok_… token; the token is shown once
  label TEXT NOT NULL,                      -- "apitok_AbCd…", safe to show
  name TEXT NOT NULL,
  role TEXT CHECK (role IN ('admin', 'user', 'viewer')), -- cap: the token acts as min(user's role, this); NULL = the user's role
  created_at TEXT NOT NULL,
  last_used_at TEXT,                        -- updated at most once a minute
  expires_at TEXT,                          -- NULL = does not expire
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- Fixed-window counters for login throttling. key = hex SHA-256 of "email:<address>" or "ip:<address>"
-- (hashed: people type passwords into the email field).
CREATE TABLE login_attempts (
  key TEXT PRIMARY KEY,
  window_start TEXT NOT NULL,
  count INTEGER NOT NULL
);
CREATE INDEX login_attempts_window ON login_attempts(window_start);
