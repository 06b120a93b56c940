-- Reporting cycles: forms (which indicators a kind of unit reports, by which
-- deadline, approved at which levels), validation rules, the state of each
-- form x unit x period that has left the draft, and the append-only journal
-- of the steps that moved it.

CREATE TABLE forms (
  id                   INTEGER PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  name                 TEXT NOT NULL,
  period_type          TEXT NOT NULL,
  unit_types_json      TEXT NOT NULL DEFAULT '[]',
  indicators_json      TEXT NOT NULL DEFAULT '[]',  -- codes, in the form's order
  deadline_kind        TEXT NOT NULL CHECK (deadline_kind IN ('day_of_month', 'days_after_end')),
  months_after_end     INTEGER NOT NULL DEFAULT 1,
  deadline_day         INTEGER NOT NULL DEFAULT 20,
  deadline_days        INTEGER NOT NULL DEFAULT 0,
  grace_days           INTEGER NOT NULL DEFAULT 0,
  after_grace          TEXT NOT NULL CHECK (after_grace IN ('accept_late', 'refuse')),
  approval_levels_json TEXT NOT NULL DEFAULT '[]',
  illustrative         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE validation_rules (
  id                 INTEGER PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('compare', 'range', 'change')),
  indicator_code     TEXT NOT NULL REFERENCES indicators(code),
  op                 TEXT NOT NULL,
  other_indicator    TEXT REFERENCES indicators(code),
  min_value          REAL,
  max_value          REAL,
  max_change_percent REAL NOT NULL DEFAULT 0,
  refuse_on_save     INTEGER NOT NULL DEFAULT 0,
  illustrative       INTEGER NOT NULL DEFAULT 0
);

-- Only reports that have left the draft have a row; no row means a draft.
CREATE TABLE submissions (
  id            INTEGER PRIMARY KEY,
  form_code     TEXT NOT NULL REFERENCES forms(code),
  unit_code     TEXT NOT NULL REFERENCES units(code),
  period        TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'reopened')),
  approvals     INTEGER NOT NULL DEFAULT 0,
  submitted_at  TEXT NOT NULL DEFAULT '',
  submitted_by  TEXT NOT NULL DEFAULT '',
  reopen_reason TEXT NOT NULL DEFAULT '',
  updated_at    TEXT NOT NULL DEFAULT '',
  updated_by    TEXT NOT NULL DEFAULT '',
  UNIQUE (form_code, unit_code, period)
);

-- Append-only: every step with the state it left, who took it and why.
CREATE TABLE submission_steps (
  id        INTEGER PRIMARY KEY,
  form_code TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  period    TEXT NOT NULL,
  step      TEXT NOT NULL,
  state     TEXT NOT NULL,
  approvals INTEGER NOT NULL,
  reason    TEXT NOT NULL DEFAULT '',
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL
);
CREATE INDEX submission_steps_cell ON submission_steps(form_code, unit_code, period, id);
