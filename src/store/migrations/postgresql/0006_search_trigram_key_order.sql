-- A trigram index for search (pg_trgm, in Debian's postgresql-15 package):
-- each query word is a LIKE ' word%' pattern, which a GIN trigram index
-- answers without reading every record, so search stays fast at a country's
-- hundreds of thousands of records. pg_trgm is a trusted extension: the
-- database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX search_index_words_trgm ON search_index USING gin (words gin_trgm_ops);

-- Text columns of primary keys order by bytes ("C"), as SQLite orders them:
-- `mandate migrate` and `mandate checksum` read every table in key order on
-- both kinds of database, and with the key's own collation PostgreSQL reads
-- that order from the key's index instead of sorting the table.
ALTER TABLE rating_levels ALTER COLUMN scale_code TYPE TEXT COLLATE "C";
ALTER TABLE targets ALTER COLUMN period TYPE TEXT COLLATE "C";
ALTER TABLE data_values ALTER COLUMN period TYPE TEXT COLLATE "C",
                        ALTER COLUMN kind TYPE TEXT COLLATE "C";
ALTER TABLE task_ratings ALTER COLUMN task_code TYPE TEXT COLLATE "C",
                         ALTER COLUMN period TYPE TEXT COLLATE "C";
ALTER TABLE activity_attendance ALTER COLUMN activity_code TYPE TEXT COLLATE "C";
ALTER TABLE sessions ALTER COLUMN id_hash TYPE TEXT COLLATE "C";
