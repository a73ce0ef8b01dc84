-- Times are milliseconds since the Unix epoch. Every row belongs to a user and goes with it
-- (ON DELETE CASCADE), so deleting a user deletes all of their data.

CREATE TABLE users (
    id          TEXT    PRIMARY KEY NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('guest', 'account')),
    created_at  INTEGER NOT NULL
);

-- Only the SHA-256 of the cookie token is kept: a leaked database does not sign anyone in.
CREATE TABLE web_sessions (
    token_hash  BLOB    PRIMARY KEY NOT NULL,
    user_id     TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
-- The cascade from users looks sessions up by user.
CREATE INDEX web_sessions_user ON web_sessions (user_id);

CREATE TABLE problem_sessions (
    user_id        TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    slug           TEXT    NOT NULL,
    language       TEXT    NOT NULL,
    started_at     INTEGER NOT NULL,
    elapsed_ms     INTEGER NOT NULL,
    running_since  INTEGER,
    stopped_at     INTEGER,
    PRIMARY KEY (user_id, slug)
);

CREATE TABLE drafts (
    user_id            TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    slug               TEXT    NOT NULL,
    language           TEXT    NOT NULL,
    code               TEXT    NOT NULL,
    client_updated_at  INTEGER NOT NULL,
    saved_at           INTEGER NOT NULL,
    PRIMARY KEY (user_id, slug, language)
);

CREATE TABLE runs (
    id            TEXT    PRIMARY KEY NOT NULL,
    user_id       TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    slug          TEXT    NOT NULL,
    language      TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('run', 'submit', 'custom')),
    code          TEXT    NOT NULL,
    custom_input  TEXT,
    status        TEXT    NOT NULL
                  CHECK (status IN ('queued', 'running', 'done', 'cancelled', 'failed')),
    verdict       TEXT,
    passed        INTEGER NOT NULL DEFAULT 0,
    total         INTEGER NOT NULL DEFAULT 0,
    report        TEXT,   -- JSON
    created_at    INTEGER NOT NULL,
    started_at    INTEGER,
    finished_at   INTEGER
);
-- History of one learner on one problem, newest first; also serves per-user statuses.
CREATE INDEX runs_user_slug_created ON runs (user_id, slug, created_at);
-- Start-up looks for runs left queued or running.
CREATE INDEX runs_status ON runs (status);

CREATE TABLE reveals (
    user_id  TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    slug     TEXT    NOT NULL,
    kind     TEXT    NOT NULL CHECK (kind IN ('hint', 'solution')),
    tier     INTEGER NOT NULL,
    at       INTEGER NOT NULL,
    PRIMARY KEY (user_id, slug, kind, tier)
);
