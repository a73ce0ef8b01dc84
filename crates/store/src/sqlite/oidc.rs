//! OpenID Connect on SQLite: logins in flight (taken once, atomically) and identities linked
//! to accounts. Writes that check before they write run in `BEGIN IMMEDIATE` transactions so
//! two callbacks cannot both pass a check (see `accounts.rs` for why IMMEDIATE).

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};

use super::accounts::taken_or;
use super::rows::{self, USER_COLUMNS};
use crate::model::{NewAccount, OidcIdentity, OidcPending, User};
use crate::{Result, StoreError};

const PENDING_COLUMNS: &str = "state_hash, provider, user_id, nonce, pkce_verifier, \
     redirect_uri, link, created_at, expires_at";
pub(super) const IDENTITY_COLUMNS: &str = "user_id, provider, subject, email, created_at";

fn pending(row: &SqliteRow) -> Result<OidcPending> {
    let link: i64 = row.try_get("link")?;
    Ok(OidcPending {
        state_hash: row.try_get("state_hash")?,
        provider: row.try_get("provider")?,
        user_id: row.try_get("user_id")?,
        nonce: row.try_get("nonce")?,
        pkce_verifier: row.try_get("pkce_verifier")?,
        redirect_uri: row.try_get("redirect_uri")?,
        link: link != 0,
        created_at: row.try_get("created_at")?,
        expires_at: row.try_get("expires_at")?,
    })
}

pub(super) fn identity(row: &SqliteRow) -> Result<OidcIdentity> {
    Ok(OidcIdentity {
        user_id: row.try_get("user_id")?,
        provider: row.try_get("provider")?,
        subject: row.try_get("subject")?,
        email: row.try_get("email")?,
        created_at: row.try_get("created_at")?,
    })
}

pub(super) async fn insert_pending(pool: &SqlitePool, login: &OidcPending) -> Result<()> {
    sqlx::query(
        "INSERT INTO oidc_pending (state_hash, provider, user_id, nonce, pkce_verifier, \
         redirect_uri, link, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&login.state_hash)
    .bind(&login.provider)
    .bind(&login.user_id)
    .bind(&login.nonce)
    .bind(&login.pkce_verifier)
    .bind(&login.redirect_uri)
    .bind(i64::from(login.link))
    .bind(login.created_at)
    .bind(login.expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

/// One statement deletes and returns the row: of two callbacks with the same state, exactly
/// one gets it.
pub(super) async fn take_pending(
    pool: &SqlitePool,
    state_hash: &[u8],
) -> Result<Option<OidcPending>> {
    let sql = format!("DELETE FROM oidc_pending WHERE state_hash = ? RETURNING {PENDING_COLUMNS}");
    let row = sqlx::query(&sql)
        .bind(state_hash)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(pending).transpose()
}

pub(super) async fn delete_expired_pending(pool: &SqlitePool, now: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM oidc_pending WHERE expires_at <= ?")
        .bind(now)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

pub(super) async fn user_by_identity(
    pool: &SqlitePool,
    provider: &str,
    subject: &str,
) -> Result<Option<User>> {
    let columns = USER_COLUMNS
        .split(", ")
        .map(|c| format!("u.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {columns} FROM oidc_identities i JOIN users u ON u.id = i.user_id \
         WHERE i.provider = ? AND i.subject = ? AND u.kind = 'account'"
    );
    let row = sqlx::query(&sql)
        .bind(provider)
        .bind(subject)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(rows::user).transpose()
}

/// Inserts the identity, or says why not: `Taken` when another account holds it,
/// `WrongState` when this account already has another identity at the provider. Linking the
/// same identity again is fine.
async fn insert_identity(conn: &mut SqliteConnection, identity: &OidcIdentity) -> Result<()> {
    let owner: Option<String> = sqlx::query_scalar(
        "SELECT user_id FROM oidc_identities WHERE provider = ? AND subject = ?",
    )
    .bind(&identity.provider)
    .bind(&identity.subject)
    .fetch_optional(&mut *conn)
    .await?;
    match owner {
        Some(owner) if owner == identity.user_id => return Ok(()),
        Some(_) => {
            return Err(StoreError::Taken {
                what: "the identity",
            });
        }
        None => {}
    }
    let existing: Option<String> = sqlx::query_scalar(
        "SELECT subject FROM oidc_identities WHERE user_id = ? AND provider = ?",
    )
    .bind(&identity.user_id)
    .bind(&identity.provider)
    .fetch_optional(&mut *conn)
    .await?;
    if existing.is_some() {
        return Err(StoreError::WrongState(
            "the account already has another identity at this provider",
        ));
    }
    sqlx::query(
        "INSERT INTO oidc_identities (user_id, provider, subject, email, created_at) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&identity.user_id)
    .bind(&identity.provider)
    .bind(&identity.subject)
    .bind(&identity.email)
    .bind(identity.created_at)
    .execute(&mut *conn)
    .await
    .map_err(|err| taken_or(err, "the identity"))?;
    Ok(())
}

pub(super) async fn link_identity(pool: &SqlitePool, identity: &OidcIdentity) -> Result<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM users WHERE id = ?")
        .bind(&identity.user_id)
        .fetch_optional(&mut *tx)
        .await?;
    match kind.as_deref() {
        Some("account") => {}
        Some(_) => {
            return Err(StoreError::WrongState(
                "only an account can link an identity",
            ));
        }
        None => return Err(StoreError::NotFound { what: "user" }),
    }
    insert_identity(&mut tx, identity).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn convert_guest_with_identity(
    pool: &SqlitePool,
    guest_id: &str,
    account: &NewAccount,
    identity: &OidcIdentity,
) -> Result<User> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let Some(user) = super::accounts::write_account(&mut *tx, guest_id, account).await? else {
        return Err(StoreError::WrongState(
            "only a guest can become a new account",
        ));
    };
    let identity = OidcIdentity {
        user_id: user.id.clone(),
        ..identity.clone()
    };
    insert_identity(&mut tx, &identity).await?;
    tx.commit().await?;
    Ok(user)
}

pub(super) async fn identities(pool: &SqlitePool, user_id: &str) -> Result<Vec<OidcIdentity>> {
    let sql = format!(
        "SELECT {IDENTITY_COLUMNS} FROM oidc_identities WHERE user_id = ? ORDER BY created_at, provider"
    );
    let found = sqlx::query(&sql).bind(user_id).fetch_all(pool).await?;
    found.iter().map(identity).collect()
}

/// Removes the account's identity at `provider` unless it is the last way to sign in (no
/// password, passkey or other identity): `WrongState` then, `NotFound` when there is none.
pub(super) async fn unlink_identity(
    pool: &SqlitePool,
    user_id: &str,
    provider: &str,
) -> Result<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let linked: Option<String> = sqlx::query_scalar(
        "SELECT subject FROM oidc_identities WHERE user_id = ? AND provider = ?",
    )
    .bind(user_id)
    .bind(provider)
    .fetch_optional(&mut *tx)
    .await?;
    if linked.is_none() {
        return Err(StoreError::NotFound { what: "identity" });
    }
    if super::accounts::sign_in_ways(&mut tx, user_id).await? <= 1 {
        return Err(StoreError::WrongState(
            "this is the account's last way to sign in",
        ));
    }
    sqlx::query("DELETE FROM oidc_identities WHERE user_id = ? AND provider = ?")
        .bind(user_id)
        .bind(provider)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
