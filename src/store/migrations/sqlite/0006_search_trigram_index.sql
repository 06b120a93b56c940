-- PostgreSQL's migration 0006 adds a trigram index to its search table.
-- SQLite searches with its FTS5 index (migration 0003): nothing to do here,
-- the file keeps both stores' migration numbers in step.
SELECT 1;
