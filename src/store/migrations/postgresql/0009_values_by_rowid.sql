-- Loading a store reads its values in pages along rowid (the order they were
-- first written): without this index each page would sort the whole table.
CREATE UNIQUE INDEX IF NOT EXISTS data_values_by_rowid ON data_values (rowid);
