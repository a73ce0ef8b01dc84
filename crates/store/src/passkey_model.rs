//! Passkeys and WebAuthn ceremonies as the store keeps them. The store knows nothing of
//! WebAuthn itself: the credential and the ceremony state are opaque JSON written by the server.

use serde::Serialize;

/// One passkey of an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasskeyRecord {
    pub id: String,
    pub user_id: String,
    /// The authenticator's credential id (unique across all accounts).
    pub credential_id: Vec<u8>,
    /// The server's serialized credential (public key, counter, backup state): JSON.
    pub passkey: String,
    /// At most 64 characters (checked by the caller and by the table).
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// What a list or an export shows of a passkey: no key material.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PasskeySummary {
    pub id: String,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

impl From<&PasskeyRecord> for PasskeySummary {
    fn from(record: &PasskeyRecord) -> Self {
        PasskeySummary {
            id: record.id.clone(),
            name: record.name.clone(),
            created_at: record.created_at,
            last_used_at: record.last_used_at,
        }
    }
}

/// Which ceremony a stored state belongs to; a state is only ever finished by its own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CeremonyKind {
    /// A guest registering the passkey its new account is made with.
    Signup,
    /// Anyone proving they hold a passkey.
    Signin,
    /// An account adding another passkey.
    Add,
}

impl CeremonyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CeremonyKind::Signup => "signup",
            CeremonyKind::Signin => "signin",
            CeremonyKind::Add => "add",
        }
    }
}

/// The server's half of a WebAuthn ceremony in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ceremony {
    /// Random, handed to the browser, which sends it back with its answer.
    pub id: String,
    /// The browser's user (a guest for sign-up and sign-in); only they can finish it.
    pub user_id: String,
    pub kind: CeremonyKind,
    /// The challenge and what the answer must match, as JSON.
    pub state: String,
    pub created_at: i64,
    pub expires_at: i64,
}
