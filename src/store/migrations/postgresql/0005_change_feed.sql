-- The change feed (issue 7, section 2): one row per committed change of a
-- value cell, and one marker per transaction that changed what the rollups
-- are built over (units, indicators, plans, targets, unit changes). Written in
-- the same transaction as the change; each server follows the feed from the
-- last id it applied, woken by NOTIFY mandate_changes. Writers are queued by
-- the data_version row lock, so ids are taken in commit order.
CREATE TABLE changes (
  id         BIGSERIAL PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('value', 'metadata')),
  indicator  TEXT NOT NULL DEFAULT '',
  unit       TEXT NOT NULL DEFAULT '',
  period     TEXT NOT NULL DEFAULT '',
  value_kind TEXT NOT NULL DEFAULT '',
  value      DOUBLE PRECISION  -- NULL: the cell was deleted
);
