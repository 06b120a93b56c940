-- PostgreSQL's migration 0006 adds a trigram index to its search table and
-- orders the text columns of primary keys by bytes. SQLite searches with its
-- FTS5 index (migration 0003) and orders text by bytes already: nothing to do
-- here, the file keeps both stores' migration numbers in step.
SELECT 1;
