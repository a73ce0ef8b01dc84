//! The store's records: plain data with no behaviour beyond naming their states.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserKind {
    Guest,
    Account,
}

impl UserKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UserKind::Guest => "guest",
            UserKind::Account => "account",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "guest" => Some(UserKind::Guest),
            "account" => Some(UserKind::Account),
            _ => None,
        }
    }
}

/// What a user may do beyond practising. Everyone starts as a learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Learner,
    Interviewer,
    Author,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Learner, Role::Interviewer, Role::Author, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Interviewer => "interviewer",
            Role::Author => "author",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Role::ALL.into_iter().find(|role| role.as_str() == text)
    }
}

/// A guest (no username, no password) or an account. Guests and accounts are the same row: a
/// guest signs up in place, so its id and everything keyed by it stay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: String,
    pub kind: UserKind,
    pub created_at: i64,
    /// Lower-case, unique; `None` for guests.
    pub username: Option<String>,
    pub email: Option<String>,
    pub display_name: String,
    pub bio: String,
    pub role: Role,
    /// The version (a hash) of the account's avatar, `None` without one.
    pub avatar_version: Option<String>,
    /// Whether the account has a password (never the hash itself).
    pub has_password: bool,
}

/// An account as sign-in needs it: the user and the stored password hash (a PHC string), if
/// the account has a password (accounts made with a passkey, an identity provider or a magic
/// link may not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub user: User,
    pub password_hash: Option<String>,
}

/// What sign-up writes onto a guest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    /// Already validated and lower-cased by the caller.
    pub username: String,
    pub email: Option<String>,
    /// `None` for an account that signs in another way (passkey, identity provider, email).
    pub password_hash: Option<String>,
    /// The address was proven (a redeemed mailed link, or a provider's verified claim); only
    /// then does a mailed link for it sign in to this account.
    pub email_verified: bool,
}

/// A redeemed sign-in link: the address it was sent to and the user whose browser asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MagicLink {
    pub email: String,
    pub requested_by: String,
}

/// A stored avatar: the server's own PNG encoding and its version (the ETag).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Avatar {
    pub png: Vec<u8>,
    pub version: String,
    pub updated_at: i64,
}

/// One page of accounts, oldest first, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserPage {
    pub users: Vec<User>,
    pub total: u64,
}

/// One learner on one problem: the language last chosen and the timer, whose truth is here so
/// that a reload does not reset it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemSession {
    pub user_id: String,
    pub slug: String,
    pub language: String,
    pub started_at: i64,
    /// Time counted before `running_since` (paused spans excluded).
    pub elapsed_ms: i64,
    /// Set while the timer runs.
    pub running_since: Option<i64>,
    /// Set when an accepted submission stopped the timer for good.
    pub stopped_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub user_id: String,
    pub slug: String,
    pub language: String,
    pub code: String,
    /// When the browser made the edit (its clock), used to keep the newest edit.
    pub client_updated_at: i64,
    /// When the server stored it.
    pub saved_at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunKind {
    /// Public tests.
    Run,
    /// Public and hidden tests.
    Submit,
    /// The learner's own input.
    Custom,
}

impl RunKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RunKind::Run => "run",
            RunKind::Submit => "submit",
            RunKind::Custom => "custom",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "run" => Some(RunKind::Run),
            "submit" => Some(RunKind::Submit),
            "custom" => Some(RunKind::Custom),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    Queued,
    Running,
    Done,
    Cancelled,
    /// The run could not be carried out (internal error, server restarted).
    Failed,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Queued => "queued",
            RunStatus::Running => "running",
            RunStatus::Done => "done",
            RunStatus::Cancelled => "cancelled",
            RunStatus::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "queued" => Some(RunStatus::Queued),
            "running" => Some(RunStatus::Running),
            "done" => Some(RunStatus::Done),
            "cancelled" => Some(RunStatus::Cancelled),
            "failed" => Some(RunStatus::Failed),
            _ => None,
        }
    }

    pub fn is_final(self) -> bool {
        matches!(
            self,
            RunStatus::Done | RunStatus::Cancelled | RunStatus::Failed
        )
    }
}

/// A run or submission: what was sent and, once finished, the judge's redacted report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    pub id: String,
    pub user_id: String,
    pub slug: String,
    pub language: String,
    pub kind: RunKind,
    pub code: String,
    /// For custom runs: the learner's input as they typed it.
    pub custom_input: Option<String>,
    pub status: RunStatus,
    /// `accepted`, `wrong_answer` ... once done.
    pub verdict: Option<String>,
    pub passed: u32,
    pub total: u32,
    /// The judge's report as JSON (hidden tests already redacted), once done; or for a failed
    /// run `{"message": ...}`.
    pub report: Option<serde_json::Value>,
    pub created_at: i64,
    pub started_at: Option<i64>,
    pub finished_at: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevealKind {
    Hint,
    Solution,
}

impl RevealKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RevealKind::Hint => "hint",
            RevealKind::Solution => "solution",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "hint" => Some(RevealKind::Hint),
            "solution" => Some(RevealKind::Solution),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reveal {
    pub user_id: String,
    pub slug: String,
    pub kind: RevealKind,
    /// Hint tier (1-based); 0 for solutions.
    pub tier: u32,
    pub at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemStatus {
    Attempted,
    Solved,
}

/// An account's identity at an OpenID Connect provider: the provider's id (from the config)
/// and the subject (`sub`) it gave. Never a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OidcIdentity {
    pub user_id: String,
    pub provider: String,
    pub subject: String,
    /// From a verified `email` claim only.
    pub email: Option<String>,
    pub created_at: i64,
}

/// A login with a provider between its start and the provider's callback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcPending {
    /// SHA-256 of the `state` sent to the provider.
    pub state_hash: Vec<u8>,
    pub provider: String,
    /// The browser's user when the login started.
    pub user_id: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub redirect_uri: String,
    /// Link the identity to `user_id` (an account) rather than sign in with it.
    pub link: bool,
    pub created_at: i64,
    pub expires_at: i64,
}
