-- A trigram index for search (pg_trgm, in Debian's postgresql-15 package):
-- each query word is a LIKE ' word%' pattern, which a GIN trigram index
-- answers without reading every record, so search stays fast at a country's
-- hundreds of thousands of records. pg_trgm is a trusted extension: the
-- database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX search_index_words_trgm ON search_index USING gin (words gin_trgm_ops);
