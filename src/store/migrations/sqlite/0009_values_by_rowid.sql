-- PostgreSQL's migration 0009 indexes data_values by rowid for loading in
-- pages. SQLite's rowid is the table's own key already: nothing to do here,
-- the file keeps both stores' migration numbers in step.
SELECT 1;
