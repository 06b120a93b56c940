-- The change feed says enough for a server to follow it without reloading
-- (issue 7): a value entry carries the whole cell (comment, illustrative
-- flag); 'records' marks a transaction that changed records a snapshot holds
-- but the rollups do not use (tasks, documents, forms, ...); 'gap' marks where
-- pruning cut the feed.
ALTER TABLE changes DROP CONSTRAINT IF EXISTS changes_kind_check;
ALTER TABLE changes ADD CONSTRAINT changes_kind_check
  CHECK (kind IN ('value', 'records', 'metadata', 'gap'));
ALTER TABLE changes
  ADD COLUMN IF NOT EXISTS comment TEXT NOT NULL DEFAULT '',
  ADD COLUMN IF NOT EXISTS illustrative INTEGER NOT NULL DEFAULT 0;
