-- Reminders (issue 8 §6; PostgreSQL, the same as SQLite's 0007): users'
-- e-mail addresses and languages, and the in-app notifications, each also
-- the queue of its e-mail.

-- Empty: no e-mail; empty language: Vietnamese.
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT '';

-- What happened is stored (kind and its arguments), not text: the title and
-- the body are written at read time in the reader's language. The unique key
-- makes the reminder pass idempotent: a notification for (user, kind, form,
-- unit, period, occasion) is created once however often the pass runs.
-- occasion: the day of a digest, the number of a submission step in the
-- report's journal, else ''.
CREATE TABLE notifications (
  id             BIGSERIAL PRIMARY KEY,
  username       TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  kind           TEXT NOT NULL,
  form_code      TEXT NOT NULL DEFAULT '',
  unit_code      TEXT NOT NULL DEFAULT '',
  period         TEXT NOT NULL DEFAULT '',
  occasion       TEXT NOT NULL DEFAULT '',
  args_json      TEXT NOT NULL DEFAULT '{}',
  created_at     TEXT NOT NULL,
  read_at        TEXT,
  -- none: not to be mailed; pending: to be mailed (again); sent; failed: given up.
  email_state    TEXT NOT NULL DEFAULT 'none'
                 CHECK (email_state IN ('none', 'pending', 'sent', 'failed')),
  email_attempts INTEGER NOT NULL DEFAULT 0,
  email_error    TEXT NOT NULL DEFAULT '',
  emailed_at     TEXT,
  UNIQUE (username, kind, form_code, unit_code, period, occasion)
);
CREATE INDEX notifications_user ON notifications(username, id);
CREATE INDEX notifications_email ON notifications(email_state, id);
