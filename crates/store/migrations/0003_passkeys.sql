-- Passkeys (WebAuthn credentials) of accounts, and the server's half of each WebAuthn ceremony
-- in progress. Both go with their user (ON DELETE CASCADE).

CREATE TABLE passkeys (
    id             TEXT    PRIMARY KEY NOT NULL,
    user_id        TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The authenticator's credential id; one credential belongs to one account only.
    credential_id  BLOB    NOT NULL UNIQUE,
    -- webauthn-rs's `Passkey` as JSON: the public key, signature counter and backup state.
    -- A public key signs no one in, but it stays out of exports all the same.
    passkey        TEXT    NOT NULL,
    name           TEXT    NOT NULL CHECK (length(name) <= 64),
    created_at     INTEGER NOT NULL,
    last_used_at   INTEGER
);
CREATE INDEX passkeys_user ON passkeys (user_id, created_at);

-- A registration or authentication started and not yet finished: the challenge and what the
-- answer must match (webauthn-rs's state, as JSON). Taken (deleted) by the finish that uses
-- it, so each is good once, and worthless after expires_at. Kept in the database rather than
-- in memory so a restart or a second server process does not lose a ceremony in flight.
CREATE TABLE webauthn_ceremonies (
    id          TEXT    PRIMARY KEY NOT NULL,
    user_id     TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('signup', 'signin', 'add')),
    state       TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX webauthn_ceremonies_user ON webauthn_ceremonies (user_id, created_at);
CREATE INDEX webauthn_ceremonies_expiry ON webauthn_ceremonies (expires_at);
