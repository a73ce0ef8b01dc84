-- Magic-link sign-in and avatars.

-- A sign-in link mailed to `email`: only the SHA-256 of its 256-bit token is kept. A link is
-- used once (its row is deleted as it is redeemed) and refused after `expires_at`. It belongs
-- to the browser's user that asked for it (a guest, usually), so deleting that user deletes
-- its pending links too.
CREATE TABLE magic_links (
    token_hash BLOB PRIMARY KEY,
    email TEXT NOT NULL,
    requested_by TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX magic_links_expires ON magic_links (expires_at);
CREATE INDEX magic_links_requested_by ON magic_links (requested_by);

-- One avatar per account: a 256×256 PNG the server encoded itself (never the uploaded bytes).
-- `version` is a hash of the PNG: the ETag, and the query that makes URLs change with it.
CREATE TABLE avatars (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    png BLOB NOT NULL,
    version TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
-- Copied onto the user row so every view of a user (`Me`) knows its avatar URL without a join;
-- written in the same transaction as `avatars`.
ALTER TABLE users ADD COLUMN avatar_version TEXT;

-- Whether the owner of `email` proved they read it (redeemed a mailed link, or a provider said
-- the address is verified). Only verified addresses sign in to an existing account by mail:
-- otherwise anyone could put a victim's address on an account they hold and have the victim's
-- sign-in land in it.
ALTER TABLE users ADD COLUMN email_verified INTEGER NOT NULL DEFAULT 0;
