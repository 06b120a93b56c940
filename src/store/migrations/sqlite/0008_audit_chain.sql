-- Every audit entry carries SHA-256 over the previous entry's hash and its own
-- fields (store/audit_chain.hpp); the entries already there are chained by the
-- program right after this file runs, in the same transaction.
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
