-- Accounts, sessions, API tokens and the audit log.

CREATE TABLE users (
  id              BIGSERIAL PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE,
  display_name    TEXT NOT NULL DEFAULT '',
  unit_code       TEXT NOT NULL REFERENCES units(code),
  role            TEXT NOT NULL CHECK (role IN ('admin', 'planner', 'reporter', 'approver', 'viewer')),
  password_hash   TEXT NOT NULL,
  active          INTEGER NOT NULL DEFAULT 1,
  failed_logins   INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  created_at      TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);

-- Only a hash of the session id is stored: a leaked database opens no session.
CREATE TABLE sessions (
  id_hash     TEXT PRIMARY KEY,
  username    TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  csrf_token  TEXT NOT NULL,
  address     TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_username ON sessions(username);

CREATE TABLE api_tokens (
  id          BIGSERIAL PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  username    TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  revoked     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audit_log (
  id          BIGSERIAL PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  address     TEXT NOT NULL DEFAULT '',
  action      TEXT NOT NULL,   -- create, update, delete, login, login_failed, logout, ...
  entity      TEXT NOT NULL,   -- value, unit, user, session, ...
  entity_key  TEXT NOT NULL DEFAULT '',
  before_json TEXT,
  after_json  TEXT
);
CREATE INDEX audit_entity ON audit_log(entity, entity_key);
CREATE INDEX audit_actor ON audit_log(actor, at);
