-- The change feed (issue 7, section 2): one row per committed change of a
-- value cell, and one marker per transaction that changed what the rollups
-- are built over (units, indicators, plans, targets, unit changes). Written in
-- the same transaction as the change; each server follows the feed from the
-- last id it applied. Ids only grow (AUTOINCREMENT never reuses one).
CREATE TABLE changes (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL CHECK (kind IN ('value', 'metadata')),
  indicator  TEXT NOT NULL DEFAULT '',
  unit       TEXT NOT NULL DEFAULT '',
  period     TEXT NOT NULL DEFAULT '',
  value_kind TEXT NOT NULL DEFAULT '',
  value      REAL  -- NULL: the cell was deleted
);
