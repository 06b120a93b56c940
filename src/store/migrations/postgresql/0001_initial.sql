-- Mandate schema, version 1 (PostgreSQL).
-- Metadata tables reference each other by code (small tables, readable rows);
-- the data tables (targets, values, history) use integer ids because they are
-- the large ones.
-- The same tables as SQLite's, so one set of statements serves both stores.
-- Where SQLite's queries keep insertion order by its implicit rowid, the
-- table here has a column of that name.

CREATE TABLE units (
  id           BIGSERIAL PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  type         TEXT NOT NULL,
  parent_code  TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
  groups_json  TEXT NOT NULL DEFAULT '[]',
  valid_from   TEXT,
  valid_to     TEXT,
  illustrative INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX units_parent ON units(parent_code);

CREATE TABLE fields (
  id   BIGSERIAL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

CREATE TABLE rating_scales (
  id   BIGSERIAL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

CREATE TABLE rating_levels (
  scale_code TEXT NOT NULL REFERENCES rating_scales(code) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  code       TEXT NOT NULL,
  name       TEXT NOT NULL,
  PRIMARY KEY (scale_code, position),
  UNIQUE (scale_code, code)
);

CREATE TABLE indicators (
  id               BIGSERIAL PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  unit_of_measure  TEXT NOT NULL DEFAULT '',
  field_code       TEXT REFERENCES fields(code),
  value_type       TEXT NOT NULL,
  direction        TEXT NOT NULL,
  aggregation      TEXT NOT NULL,
  formula          TEXT NOT NULL DEFAULT '',
  responsible_unit TEXT REFERENCES units(code),
  decimals         INTEGER NOT NULL DEFAULT 1,
  nearly_met_ratio DOUBLE PRECISION,
  min_value        DOUBLE PRECISION,
  max_value        DOUBLE PRECISION,
  description      TEXT NOT NULL DEFAULT '',
  illustrative     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE plans (
  id                   BIGSERIAL PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  name                 TEXT NOT NULL,
  unit_code            TEXT NOT NULL REFERENCES units(code),
  term                 TEXT NOT NULL,
  document_code        TEXT,  -- the register entry; documents may be loaded later
  indicators_json      TEXT NOT NULL DEFAULT '[]',
  indicator_group_name TEXT NOT NULL DEFAULT '',
  task_scale           TEXT REFERENCES rating_scales(code),
  task_good_level      TEXT NOT NULL DEFAULT '',
  meeting_scale        TEXT REFERENCES rating_scales(code),
  meeting_good_level   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE targets (
  rowid        BIGSERIAL NOT NULL,
  indicator_id BIGINT NOT NULL REFERENCES indicators(id),
  unit_id      BIGINT NOT NULL REFERENCES units(id),
  period       TEXT NOT NULL,
  value        DOUBLE PRECISION NOT NULL,
  source       TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  illustrative INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (indicator_id, unit_id, period)
);

CREATE TABLE data_values (
  rowid        BIGSERIAL NOT NULL,
  indicator_id BIGINT NOT NULL REFERENCES indicators(id),
  unit_id      BIGINT NOT NULL REFERENCES units(id),
  period       TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('estimate', 'official')),
  value        DOUBLE PRECISION NOT NULL,
  comment      TEXT NOT NULL DEFAULT '',
  illustrative INTEGER NOT NULL DEFAULT 0,
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (indicator_id, unit_id, period, kind)
);

CREATE TABLE value_history (
  id           BIGSERIAL PRIMARY KEY,
  indicator_id BIGINT NOT NULL REFERENCES indicators(id),
  unit_id      BIGINT NOT NULL REFERENCES units(id),
  period       TEXT NOT NULL,
  kind         TEXT NOT NULL,
  old_value    DOUBLE PRECISION,
  new_value    DOUBLE PRECISION,
  comment      TEXT NOT NULL DEFAULT '',
  changed_by   TEXT NOT NULL,
  changed_at   TEXT NOT NULL
);
CREATE INDEX value_history_cell ON value_history(indicator_id, unit_id, period, kind);

CREATE TABLE tasks (
  id                  BIGSERIAL PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  plan_code           TEXT REFERENCES plans(code),
  parent_code         TEXT REFERENCES tasks(code) DEFERRABLE INITIALLY DEFERRED,
  name                TEXT NOT NULL,
  field_code          TEXT REFERENCES fields(code),
  responsible_unit    TEXT REFERENCES units(code),
  coordinating_json   TEXT NOT NULL DEFAULT '[]',
  start_date          TEXT,
  deadline            TEXT,
  status              TEXT NOT NULL,
  progress            INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  illustrative        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE task_ratings (
  rowid        BIGSERIAL NOT NULL,
  task_code    TEXT NOT NULL REFERENCES tasks(code),
  period       TEXT NOT NULL,
  scale_code   TEXT NOT NULL REFERENCES rating_scales(code),
  level        TEXT NOT NULL,
  comment      TEXT NOT NULL DEFAULT '',
  illustrative INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (task_code, period)
);

CREATE TABLE activities (
  id           BIGSERIAL PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL,
  name         TEXT NOT NULL,
  unit_code    TEXT NOT NULL REFERENCES units(code),
  date         TEXT NOT NULL,
  plan_code    TEXT REFERENCES plans(code),
  rating_scale TEXT REFERENCES rating_scales(code),
  rating_level TEXT NOT NULL DEFAULT '',
  participants BIGINT NOT NULL DEFAULT 0,
  result       TEXT NOT NULL DEFAULT '',
  illustrative INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX activities_unit_date ON activities(unit_code, date);

CREATE TABLE activity_attendance (
  activity_code TEXT NOT NULL REFERENCES activities(code) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  category      TEXT NOT NULL,
  category_name TEXT NOT NULL DEFAULT '',
  attended      BIGINT NOT NULL CHECK (attended >= 0),
  eligible      BIGINT NOT NULL CHECK (eligible >= attended),
  PRIMARY KEY (activity_code, position)
);

CREATE TABLE documents (
  id           BIGSERIAL PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL,
  number       TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL,
  date         TEXT NOT NULL,
  issuer       TEXT NOT NULL REFERENCES units(code),
  field_code   TEXT REFERENCES fields(code),
  plan_code    TEXT REFERENCES plans(code),
  implements   TEXT REFERENCES documents(code) DEFERRABLE INITIALLY DEFERRED,
  amends       TEXT REFERENCES documents(code) DEFERRABLE INITIALLY DEFERRED,
  status       TEXT NOT NULL,
  illustrative INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_issuer_date ON documents(issuer, date);

-- Bumped by every write transaction when it begins: the row lock queues
-- writers (as SQLite's write lock does) and the number tells every process
-- that something was committed (Store::data_version).
CREATE TABLE data_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO data_version(id, version) VALUES (1, 0);
