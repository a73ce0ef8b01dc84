-- Sign-in with OpenID Connect providers: identities linked to accounts, and logins in flight.

-- One identity is one (provider, subject) pair and belongs to exactly one account; an account
-- has at most one identity per provider. No token of the provider is ever kept.
CREATE TABLE oidc_identities (
    user_id     TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    -- Only from a claim the provider marked verified.
    email       TEXT,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (provider, subject),
    UNIQUE (user_id, provider)
);

-- A login between /start and /callback, kept on the server (nothing in the browser but the
-- `state` the provider sends back). Only the SHA-256 of `state` is stored; the nonce and the
-- PKCE verifier are useless without the provider's one-time code and die with the row: taken
-- (deleted) once by the callback, or cleaned after `expires_at`.
CREATE TABLE oidc_pending (
    state_hash     BLOB    PRIMARY KEY NOT NULL,
    provider       TEXT    NOT NULL,
    -- The browser's user at /start: the callback must come from the same browser.
    user_id        TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce          TEXT    NOT NULL,
    pkce_verifier  TEXT    NOT NULL,
    redirect_uri   TEXT    NOT NULL,
    -- 1: link the identity to the signed-in account instead of signing in with it.
    link           INTEGER NOT NULL DEFAULT 0 CHECK (link IN (0, 1)),
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL
);
CREATE INDEX oidc_pending_user ON oidc_pending (user_id);
CREATE INDEX oidc_pending_expires ON oidc_pending (expires_at);
