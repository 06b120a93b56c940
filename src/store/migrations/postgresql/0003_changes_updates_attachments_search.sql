-- Unit restructuring events, task progress journals, attachments and the
-- search index.

CREATE TABLE unit_changes (
  id            BIGSERIAL PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'rename', 'move', 'dissolve')),
  effective     TEXT NOT NULL,
  from_json     TEXT NOT NULL DEFAULT '[]',
  to_json       TEXT NOT NULL DEFAULT '[]',
  shares_json   TEXT NOT NULL DEFAULT '[]',
  new_name      TEXT NOT NULL DEFAULT '',
  new_parent    TEXT REFERENCES units(code),
  document_code TEXT,  -- the decision; documents may be loaded later
  note          TEXT NOT NULL DEFAULT '',
  illustrative  INTEGER NOT NULL DEFAULT 0
);

-- Append-only: a correction is a newer entry. The journal goes with its task.
CREATE TABLE task_updates (
  id        BIGSERIAL PRIMARY KEY,
  task_code TEXT NOT NULL REFERENCES tasks(code) ON DELETE CASCADE,
  date      TEXT NOT NULL,
  progress  INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
  status    TEXT NOT NULL,
  note      TEXT NOT NULL DEFAULT '',
  author    TEXT NOT NULL,
  at        TEXT NOT NULL
);
CREATE INDEX task_updates_task ON task_updates(task_code, id);

-- Exactly one owner. Owners with attachments cannot be deleted (RESTRICT):
-- files are not thrown away as a side effect.
CREATE TABLE attachments (
  id            BIGSERIAL PRIMARY KEY,
  document_code TEXT REFERENCES documents(code),
  task_code     TEXT REFERENCES tasks(code),
  filename      TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size          BIGINT NOT NULL,
  sha256        TEXT NOT NULL,
  uploaded_by   TEXT NOT NULL,
  uploaded_at   TEXT NOT NULL,
  CHECK ((document_code IS NULL) <> (task_code IS NULL))
);
CREATE INDEX attachments_document ON attachments(document_code);
CREATE INDEX attachments_task ON attachments(task_code);
-- The bytes apart, so listing attachments never reads them.
CREATE TABLE attachment_contents (
  attachment_id BIGINT PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
  bytes         BYTEA NOT NULL
);

-- Search over folded text (no case, no diacritics, "đ" as "d"; the folding is
-- done in C++ with ICU). words holds the folded words of the record, each
-- preceded by a space, so " word%" patterns match the start of a word as
-- SQLite's FTS5 prefix queries do. Rows are written with the records;
-- search_index_state says which folding built them, and the store rebuilds
-- the index when that changes.
CREATE TABLE search_index (
  entity TEXT NOT NULL,
  code   TEXT NOT NULL,
  words  TEXT NOT NULL,
  PRIMARY KEY (entity, code)
);
CREATE TABLE search_index_state (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO search_index_state(id, version) VALUES (1, 0);
