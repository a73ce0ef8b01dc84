//! Where the app keeps its data: guests and their sign-in cookies, practice sessions (timer,
//! chosen language), drafts per language, runs and submissions, and every reveal of a hint or
//! solution. `Store` is the boundary; `SqliteStore` is the embedded default, and a PostgreSQL
//! backend can implement the same trait.
//!
//! Times are milliseconds since the Unix epoch (`i64`), ids are opaque strings.

mod error;
mod model;
mod passkey_model;
mod sqlite;

use async_trait::async_trait;

pub use error::StoreError;
pub use model::{
    Account, Avatar, Draft, MagicLink, NewAccount, OidcIdentity, OidcPending, ProblemSession,
    ProblemStatus, Reveal, RevealKind, Role, RunKind, RunRecord, RunStatus, User, UserKind,
    UserPage,
};
pub use passkey_model::{Ceremony, CeremonyKind, PasskeyRecord, PasskeySummary};
pub use sqlite::SqliteStore;

pub type Result<T> = std::result::Result<T, StoreError>;

/// Everything the server persists. Implementations must be safe to share across tasks.
#[async_trait]
pub trait Store: Send + Sync {
    /// Creates a guest user (a visitor with no account yet).
    async fn create_guest(&self, now: i64) -> Result<User>;

    /// Records a browser session: the SHA-256 of the cookie token, never the token itself.
    async fn create_web_session(
        &self,
        user_id: &str,
        token_hash: &[u8],
        now: i64,
        expires_at: i64,
    ) -> Result<()>;

    /// The user behind a cookie token hash, if the session exists and has not expired at `now`.
    async fn user_by_session(&self, token_hash: &[u8], now: i64) -> Result<Option<User>>;

    /// The practice session of `user_id` on problem `slug`, if one was started.
    async fn problem_session(&self, user_id: &str, slug: &str) -> Result<Option<ProblemSession>>;

    /// Inserts or replaces the practice session (keyed by user and slug).
    async fn put_problem_session(&self, session: &ProblemSession) -> Result<()>;

    /// Every draft of `user_id` on `slug`, one per language.
    async fn drafts(&self, user_id: &str, slug: &str) -> Result<Vec<Draft>>;

    /// Saves a draft unless the stored one has a newer `client_updated_at` (an older edit that
    /// arrives late, e.g. after going offline, never overwrites a newer one). Returns the draft
    /// that is stored afterwards.
    async fn save_draft(&self, draft: &Draft) -> Result<Draft>;

    /// Records a new run (status queued).
    async fn insert_run(&self, run: &RunRecord) -> Result<()>;

    /// Removes a run that never happened (refused by a full queue). Unknown ids are fine.
    async fn delete_run(&self, id: &str) -> Result<()>;

    /// Replaces a run's mutable fields: status, verdict, passed, total, report, started_at,
    /// finished_at. Unknown id: `StoreError::NotFound`.
    async fn update_run(&self, run: &RunRecord) -> Result<()>;

    async fn run(&self, id: &str) -> Result<Option<RunRecord>>;

    /// Runs of `user_id` on `slug`, newest first, at most `limit`, of the given kinds.
    async fn runs_for(
        &self,
        user_id: &str,
        slug: &str,
        kinds: &[RunKind],
        limit: u32,
    ) -> Result<Vec<RunRecord>>;

    /// Records a reveal; revealing the same thing twice keeps the first time.
    async fn record_reveal(&self, reveal: &Reveal) -> Result<()>;

    /// Reveals of `user_id` on `slug`, in the order they happened.
    async fn reveals(&self, user_id: &str, slug: &str) -> Result<Vec<Reveal>>;

    /// Per problem the user touched: solved (an accepted submission) or attempted.
    async fn problem_statuses(&self, user_id: &str) -> Result<Vec<(String, ProblemStatus)>>;

    /// At start-up: runs left queued or running by a previous process are marked failed, so no
    /// run waits forever. Returns how many.
    async fn fail_unfinished_runs(&self, now: i64, reason: &str) -> Result<u64>;

    /// Sign-up: turns the guest `user_id` into an account in place (same id, so drafts, runs,
    /// reveals and practice sessions stay). `StoreError::Taken` when the username is used
    /// (whatever its case), `WrongState` when the user is already an account, `NotFound` when
    /// there is no such user.
    async fn convert_guest(&self, user_id: &str, account: &NewAccount) -> Result<User>;

    /// The account with this username (compared without case), with its password hash.
    async fn account_by_username(&self, username: &str) -> Result<Option<Account>>;

    async fn user(&self, user_id: &str) -> Result<Option<User>>;

    /// Sign-in from a guest: moves the guest's rows onto the account, in one transaction —
    /// drafts (the newer `client_updated_at` wins per problem and language), runs, reveals
    /// (the earlier time wins) and practice sessions (the account's own wins) — then deletes
    /// the guest with whatever is left (its browser sessions).
    async fn merge_guest(&self, guest_id: &str, into_user_id: &str) -> Result<()>;

    /// Ends one browser session (sign-out). Unknown hashes are fine.
    async fn delete_web_session(&self, token_hash: &[u8]) -> Result<()>;

    /// Removes sessions that expired before `now` (they already sign no one in; this only
    /// reclaims their rows). Returns how many.
    async fn delete_expired_sessions(&self, now: i64) -> Result<u64>;

    /// Ends every browser session of a user ("sign out everywhere"). Returns how many.
    async fn delete_user_sessions(&self, user_id: &str) -> Result<u64>;

    /// Deletes a user and, by cascade, every row of theirs. `NotFound` for an unknown id.
    async fn delete_user(&self, user_id: &str) -> Result<()>;

    /// Everything stored about a user as one JSON value (profile, practice sessions, drafts,
    /// runs, reveals, browser sessions without their token hashes, passkeys by name and dates).
    /// Never the password hash nor any key material.
    async fn export_user(&self, user_id: &str) -> Result<serde_json::Value>;

    /// Accounts (not guests), oldest first: `limit` of them after skipping `offset`.
    async fn list_users(&self, offset: u64, limit: u32) -> Result<UserPage>;

    /// Sets an account's role. `NotFound` for an unknown id, `WrongState` for a guest.
    async fn set_role(&self, user_id: &str, role: Role) -> Result<User>;

    /// Sets display name and bio (validated by the caller). `NotFound` for an unknown id.
    async fn update_profile(&self, user_id: &str, display_name: &str, bio: &str) -> Result<User>;

    /// Sets an account's password (a PHC string). `NotFound` for an unknown id, `WrongState`
    /// for a guest.
    async fn set_password(&self, user_id: &str, password_hash: &str) -> Result<User>;

    /// Records a login with an OpenID Connect provider until its callback.
    async fn insert_oidc_pending(&self, login: &OidcPending) -> Result<()>;

    /// Takes (deletes and returns) the pending login with this state hash, atomically: a
    /// state is used at most once. Expired rows are returned too; the caller checks.
    async fn take_oidc_pending(&self, state_hash: &[u8]) -> Result<Option<OidcPending>>;

    /// Removes pending logins that expired before `now`. Returns how many.
    async fn delete_expired_oidc_pending(&self, now: i64) -> Result<u64>;

    /// The account linked to this identity, if any.
    async fn user_by_identity(&self, provider: &str, subject: &str) -> Result<Option<User>>;

    /// Links an identity to an account. `Taken` when another account holds the identity,
    /// `WrongState` when the user is a guest or already has another identity at the provider;
    /// linking the same identity again is fine.
    async fn link_identity(&self, identity: &OidcIdentity) -> Result<()>;

    /// Sign-up through a provider, in one transaction: the guest becomes the account (as
    /// `convert_guest`) and the identity (its `user_id` is replaced by the guest's) is linked.
    /// `Taken` names "the username" or "the identity".
    async fn convert_guest_with_identity(
        &self,
        guest_id: &str,
        account: &NewAccount,
        identity: &OidcIdentity,
    ) -> Result<User>;

    /// The user's identities, oldest first.
    async fn identities(&self, user_id: &str) -> Result<Vec<OidcIdentity>>;

    /// Unlinks the user's identity at `provider`. `NotFound` when there is none, `WrongState`
    /// when it is the account's last way to sign in (no password, passkey or other identity).
    async fn unlink_identity(&self, user_id: &str, provider: &str) -> Result<()>;
    /// Stores a sign-in link: the SHA-256 of its token (never the token), the address it goes
    /// to and the user whose browser asked for it.
    async fn create_magic_link(
        &self,
        token_hash: &[u8],
        email: &str,
        requested_by: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<()>;

    /// Whether a link exists and has not expired at `now`, without using it up.
    async fn magic_link_usable(&self, token_hash: &[u8], now: i64) -> Result<bool>;

    /// Redeems a link: deletes it and returns it if it existed and had not expired at `now`.
    /// One statement, so of two concurrent redemptions exactly one gets the link.
    async fn consume_magic_link(&self, token_hash: &[u8], now: i64) -> Result<Option<MagicLink>>;

    /// Removes links that expired before `now`. Returns how many.
    async fn delete_expired_magic_links(&self, now: i64) -> Result<u64>;

    /// The oldest account whose email is `email` (compared without case).
    async fn account_by_email(&self, email: &str) -> Result<Option<User>>;

    /// Sets an account's avatar (an encoded PNG) and its version on the user row, in one
    /// transaction. `NotFound` for an unknown id, `WrongState` for a guest.
    async fn put_avatar(&self, user_id: &str, avatar: &Avatar) -> Result<User>;

    /// The user's avatar, if any.
    async fn avatar(&self, user_id: &str) -> Result<Option<Avatar>>;

    /// Removes the user's avatar (none is fine). `NotFound` for an unknown id.
    async fn delete_avatar(&self, user_id: &str) -> Result<User>;

    /// Passkey sign-up: turns the guest into an account (like `convert_guest`) and stores its
    /// first passkey, in one transaction, so no account is left without a way to sign in.
    /// `Taken` names what is taken: "the username" or "the passkey".
    async fn convert_guest_with_passkey(
        &self,
        user_id: &str,
        account: &NewAccount,
        passkey: &PasskeyRecord,
    ) -> Result<User>;

    /// Adds a passkey to an account. `Taken` when the credential is registered already.
    async fn add_passkey(&self, passkey: &PasskeyRecord) -> Result<()>;

    /// The passkeys of a user, oldest first.
    async fn passkeys(&self, user_id: &str) -> Result<Vec<PasskeyRecord>>;

    /// The passkey with this credential id, whoever holds it.
    async fn passkey_by_credential(&self, credential_id: &[u8]) -> Result<Option<PasskeyRecord>>;

    /// After a sign-in with it: the updated credential (counter, backup state) and the time.
    async fn record_passkey_use(&self, id: &str, passkey: &str, now: i64) -> Result<()>;

    /// Renames one of the user's passkeys. `NotFound` when the user has no such passkey.
    async fn rename_passkey(&self, user_id: &str, id: &str, name: &str) -> Result<PasskeyRecord>;

    /// Removes one of the user's passkeys. `NotFound` when the user has no such passkey,
    /// `WrongState` when it is their last way to sign in (no password, identity or other passkey).
    async fn delete_passkey(&self, user_id: &str, id: &str) -> Result<()>;

    /// Stores a ceremony; the user's oldest ones beyond `keep_per_user` and every expired one
    /// are dropped, so abandoned ceremonies cannot pile up.
    async fn put_ceremony(&self, ceremony: &Ceremony, keep_per_user: u32) -> Result<()>;

    /// Takes (deletes and returns the state of) the ceremony `id` of this user and kind if it
    /// has not expired at `now`. A ceremony is taken at most once.
    async fn take_ceremony(
        &self,
        id: &str,
        user_id: &str,
        kind: CeremonyKind,
        now: i64,
    ) -> Result<Option<String>>;

    /// Removes ceremonies that expired before `now`. Returns how many.
    async fn delete_expired_ceremonies(&self, now: i64) -> Result<u64>;

    /// A cheap query proving the database answers (for /healthz).
    async fn ping(&self) -> Result<()>;
}
