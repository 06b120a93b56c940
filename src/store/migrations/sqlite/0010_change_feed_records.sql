-- The change feed says enough for a server to follow it without reloading
-- (issue 7): a value entry carries the whole cell (comment, illustrative
-- flag); 'records' marks a transaction that changed records a snapshot holds
-- but the rollups do not use (tasks, documents, forms, ...); 'gap' marks where
-- pruning cut the feed. SQLite cannot change a CHECK constraint in place, so
-- the table is rebuilt; its ids are kept.
CREATE TABLE changes_0010 (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  kind         TEXT NOT NULL CHECK (kind IN ('value', 'records', 'metadata', 'gap')),
  indicator    TEXT NOT NULL DEFAULT '',
  unit         TEXT NOT NULL DEFAULT '',
  period       TEXT NOT NULL DEFAULT '',
  value_kind   TEXT NOT NULL DEFAULT '',
  value        REAL,  -- NULL: the cell was deleted
  comment      TEXT NOT NULL DEFAULT '',
  illustrative INTEGER NOT NULL DEFAULT 0
);
INSERT INTO changes_0010(id, kind, indicator, unit, period, value_kind, value)
  SELECT id, kind, indicator, unit, period, value_kind, value FROM changes;
DROP TABLE changes;
ALTER TABLE changes_0010 RENAME TO changes;
