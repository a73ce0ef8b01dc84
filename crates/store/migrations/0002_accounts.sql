-- Accounts: a guest becomes an account in place (same id, so everything done as a guest stays),
-- gaining a username and a password hash. Guests keep NULL in both.

ALTER TABLE users ADD COLUMN username TEXT;
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN bio TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'learner'
    CHECK (role IN ('learner', 'interviewer', 'author', 'admin'));
-- A PHC string (argon2id, with its parameters and salt); never the password.
ALTER TABLE users ADD COLUMN password_hash TEXT;

-- Usernames are unique whatever their case ("Alice" and "alice" are one name). The server
-- stores them lower-cased already; NOCASE keeps the rule even for rows written otherwise.
CREATE UNIQUE INDEX users_username ON users (username COLLATE NOCASE);
-- The admin list pages accounts by age.
CREATE INDEX users_kind_created ON users (kind, created_at);
