//! Accounts on SQLite: sign-up in place, look-up by username, merging a guest into an account,
//! ending sessions, deleting and exporting a user, roles and profiles. Called from the `Store`
//! impl in `queries.rs`, which stays about practice data.
//!
//! The merge is the one multi-statement write: it runs in a `BEGIN IMMEDIATE` transaction,
//! which takes the write lock up front (waiting for the busy timeout) instead of upgrading a
//! read lock half-way, which SQLite would refuse at once with "database is locked".

use serde_json::json;
use sqlx::{Row, SqlitePool};

use super::rows::{
    self, DRAFT_COLUMNS, PROBLEM_SESSION_COLUMNS, REVEAL_COLUMNS, RUN_COLUMNS, USER_COLUMNS,
};
use crate::model::{Account, NewAccount, Role, User, UserKind, UserPage};
use crate::{Result, StoreError};

pub(super) async fn user(pool: &SqlitePool, user_id: &str) -> Result<Option<User>> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?");
    let row = sqlx::query(&sql).bind(user_id).fetch_optional(pool).await?;
    row.as_ref().map(rows::user).transpose()
}

pub(super) async fn convert_guest(
    pool: &SqlitePool,
    user_id: &str,
    account: &NewAccount,
) -> Result<User> {
    match write_account(pool, user_id, account).await? {
        Some(user) => Ok(user),
        None => match user(pool, user_id).await? {
            Some(_) => Err(StoreError::WrongState("the user already has an account")),
            None => Err(StoreError::NotFound { what: "user" }),
        },
    }
}

/// Writes `account` onto the guest row `user_id` (in place: its id and everything keyed by it
/// stay), on the pool or inside the caller's transaction. Every way of making an account
/// (password, provider, passkey, mailed link) goes through here. `None` when `user_id` is not
/// a guest; `Taken` for a username in use.
pub(super) async fn write_account<'e, E>(
    executor: E,
    user_id: &str,
    account: &NewAccount,
) -> Result<Option<User>>
where
    E: sqlx::Executor<'e, Database = sqlx::Sqlite>,
{
    let sql = format!(
        "UPDATE users SET kind = 'account', username = ?, email = ?, password_hash = ?, \
         email_verified = ? \
         WHERE id = ? AND kind = 'guest' RETURNING {USER_COLUMNS}"
    );
    let updated = sqlx::query(&sql)
        .bind(&account.username)
        .bind(&account.email)
        .bind(&account.password_hash)
        .bind(account.email_verified)
        .bind(user_id)
        .fetch_optional(executor)
        .await
        .map_err(|err| taken_or(err, "the username"))?;
    updated.as_ref().map(rows::user).transpose()
}

/// How many ways the user has to sign in: a password, each passkey, each linked identity.
/// Removing one is refused when it is the last, so no account locks itself out. Read inside
/// the caller's `BEGIN IMMEDIATE` transaction, so two removals cannot both pass.
pub(super) async fn sign_in_ways(conn: &mut sqlx::SqliteConnection, user_id: &str) -> Result<i64> {
    let ways: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM users WHERE id = ?1 AND password_hash IS NOT NULL) \
              + (SELECT COUNT(*) FROM passkeys WHERE user_id = ?1) \
              + (SELECT COUNT(*) FROM oidc_identities WHERE user_id = ?1)",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await?;
    Ok(ways)
}

/// A unique-constraint failure is `Taken`; anything else stays a database error.
pub(super) fn taken_or(err: sqlx::Error, what: &'static str) -> StoreError {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Taken { what },
        _ => StoreError::Database(err),
    }
}

pub(super) async fn account_by_username(
    pool: &SqlitePool,
    username: &str,
) -> Result<Option<Account>> {
    let sql = format!(
        "SELECT {USER_COLUMNS}, password_hash FROM users \
         WHERE username = ? COLLATE NOCASE AND kind = 'account'"
    );
    let row = sqlx::query(&sql)
        .bind(username)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(rows::account).transpose()
}

pub(super) async fn merge_guest(pool: &SqlitePool, guest_id: &str, into: &str) -> Result<()> {
    if guest_id == into {
        return Err(StoreError::WrongState("cannot merge a user into itself"));
    }
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM users WHERE id = ?")
        .bind(guest_id)
        .fetch_optional(&mut *tx)
        .await?;
    match kind.as_deref().and_then(UserKind::parse) {
        Some(UserKind::Guest) => {}
        Some(UserKind::Account) => {
            return Err(StoreError::WrongState("only a guest can be merged"));
        }
        None => return Err(StoreError::NotFound { what: "guest" }),
    }
    // Drafts: per problem and language the newer edit (by the browser's clock) wins, the rule
    // `save_draft` follows. The upsert's SELECT keeps its WHERE (SQLite's parsing rule).
    sqlx::query(
        "INSERT INTO drafts (user_id, slug, language, code, client_updated_at, saved_at) \
         SELECT ?, slug, language, code, client_updated_at, saved_at FROM drafts \
         WHERE user_id = ? \
         ON CONFLICT (user_id, slug, language) DO UPDATE SET \
         code = CASE WHEN excluded.client_updated_at > drafts.client_updated_at \
                THEN excluded.code ELSE drafts.code END, \
         saved_at = CASE WHEN excluded.client_updated_at > drafts.client_updated_at \
                    THEN excluded.saved_at ELSE drafts.saved_at END, \
         client_updated_at = MAX(excluded.client_updated_at, drafts.client_updated_at)",
    )
    .bind(into)
    .bind(guest_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE runs SET user_id = ? WHERE user_id = ?")
        .bind(into)
        .bind(guest_id)
        .execute(&mut *tx)
        .await?;
    // A reveal seen twice counts from the first time.
    sqlx::query(
        "INSERT INTO reveals (user_id, slug, kind, tier, at) \
         SELECT ?, slug, kind, tier, at FROM reveals WHERE user_id = ? \
         ON CONFLICT (user_id, slug, kind, tier) DO UPDATE SET at = MIN(reveals.at, excluded.at)",
    )
    .bind(into)
    .bind(guest_id)
    .execute(&mut *tx)
    .await?;
    // The account's own timer on a problem is its truth; the guest's fills only gaps.
    sqlx::query(
        "INSERT INTO problem_sessions \
         (user_id, slug, language, started_at, elapsed_ms, running_since, stopped_at) \
         SELECT ?, slug, language, started_at, elapsed_ms, running_since, stopped_at \
         FROM problem_sessions WHERE user_id = ? \
         ON CONFLICT (user_id, slug) DO NOTHING",
    )
    .bind(into)
    .bind(guest_id)
    .execute(&mut *tx)
    .await?;
    // What is left (the guest's browser sessions, rows that lost a conflict) goes with it.
    sqlx::query("DELETE FROM users WHERE id = ?")
        .bind(guest_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn delete_web_session(pool: &SqlitePool, token_hash: &[u8]) -> Result<()> {
    sqlx::query("DELETE FROM web_sessions WHERE token_hash = ?")
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

pub(super) async fn delete_expired_sessions(pool: &SqlitePool, now: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM web_sessions WHERE expires_at <= ?")
        .bind(now)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

pub(super) async fn delete_user_sessions(pool: &SqlitePool, user_id: &str) -> Result<u64> {
    let done = sqlx::query("DELETE FROM web_sessions WHERE user_id = ?")
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

pub(super) async fn delete_user(pool: &SqlitePool, user_id: &str) -> Result<()> {
    // Every table references users ON DELETE CASCADE (foreign keys are on for every
    // connection), so this one statement removes every row of the user.
    let done = sqlx::query("DELETE FROM users WHERE id = ?")
        .bind(user_id)
        .execute(pool)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound { what: "user" });
    }
    Ok(())
}

pub(super) async fn export_user(pool: &SqlitePool, user_id: &str) -> Result<serde_json::Value> {
    let Some(profile) = user(pool, user_id).await? else {
        return Err(StoreError::NotFound { what: "user" });
    };
    let all = |columns: &str, table: &str, order: &str| {
        format!("SELECT {columns} FROM {table} WHERE user_id = ? ORDER BY {order}")
    };
    let fetch = |sql: String| async move {
        sqlx::query(&sql)
            .bind(user_id)
            .fetch_all(pool)
            .await
            .map_err(StoreError::from)
    };
    let sessions = fetch(all(PROBLEM_SESSION_COLUMNS, "problem_sessions", "slug"))
        .await?
        .iter()
        .map(rows::problem_session)
        .collect::<Result<Vec<_>>>()?;
    let drafts = fetch(all(DRAFT_COLUMNS, "drafts", "slug, language"))
        .await?
        .iter()
        .map(rows::draft)
        .collect::<Result<Vec<_>>>()?;
    let runs = fetch(all(RUN_COLUMNS, "runs", "created_at, rowid"))
        .await?
        .iter()
        .map(rows::run)
        .collect::<Result<Vec<_>>>()?;
    let reveals = fetch(all(REVEAL_COLUMNS, "reveals", "at, rowid"))
        .await?
        .iter()
        .map(rows::reveal)
        .collect::<Result<Vec<_>>>()?;
    // Browser sessions by their times only: the token hashes would be of no use to the user
    // and are better never copied anywhere.
    let browser_sessions = fetch(all("created_at, expires_at", "web_sessions", "created_at"))
        .await?
        .iter()
        .map(|row| {
            let created_at: i64 = row.try_get("created_at")?;
            let expires_at: i64 = row.try_get("expires_at")?;
            Ok(json!({"created_at": created_at, "expires_at": expires_at}))
        })
        .collect::<Result<Vec<_>>>()?;
    // Identities by provider and subject only: no token of a provider is ever stored.
    let identities = fetch(all(
        super::oidc::IDENTITY_COLUMNS,
        "oidc_identities",
        "created_at, provider",
    ))
    .await?
    .iter()
    .map(|row| {
        let identity = super::oidc::identity(row)?;
        Ok(json!({
            "provider": identity.provider,
            "subject": identity.subject,
            "email": identity.email,
            "created_at": identity.created_at,
        }))
    })
    .collect::<Result<Vec<_>>>()?;
    // The avatar by its size and time: the picture itself is the one the user uploaded, and
    // stays downloadable at its URL while the account exists.
    let avatar =
        sqlx::query("SELECT length(png) AS bytes, updated_at FROM avatars WHERE user_id = ?")
            .bind(user_id)
            .fetch_optional(pool)
            .await?
            .map(|row| -> Result<serde_json::Value> {
                let bytes: i64 = row.try_get("bytes")?;
                let updated_at: i64 = row.try_get("updated_at")?;
                Ok(json!({"format": "png", "bytes": bytes, "updated_at": updated_at}))
            })
            .transpose()?;
    Ok(json!({
        "user": profile,
        "identities": identities,
        "avatar": avatar,
        "practice_sessions": sessions,
        "drafts": drafts,
        "runs": runs,
        "reveals": reveals,
        "browser_sessions": browser_sessions,
    }))
}

pub(super) async fn list_users(pool: &SqlitePool, offset: u64, limit: u32) -> Result<UserPage> {
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE kind = 'account'")
        .fetch_one(pool)
        .await?;
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM users WHERE kind = 'account' \
         ORDER BY created_at, id LIMIT ? OFFSET ?"
    );
    let found = sqlx::query(&sql)
        .bind(limit)
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(pool)
        .await?;
    Ok(UserPage {
        users: found.iter().map(rows::user).collect::<Result<_>>()?,
        total: u64::try_from(total).unwrap_or(0),
    })
}

pub(super) async fn set_role(pool: &SqlitePool, user_id: &str, role: Role) -> Result<User> {
    let sql = format!(
        "UPDATE users SET role = ? WHERE id = ? AND kind = 'account' RETURNING {USER_COLUMNS}"
    );
    let updated = sqlx::query(&sql)
        .bind(role.as_str())
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
    match updated {
        Some(row) => rows::user(&row),
        None => match user(pool, user_id).await? {
            Some(_) => Err(StoreError::WrongState("a guest has no role to change")),
            None => Err(StoreError::NotFound { what: "user" }),
        },
    }
}

pub(super) async fn set_password(
    pool: &SqlitePool,
    user_id: &str,
    password_hash: &str,
) -> Result<User> {
    let sql = format!(
        "UPDATE users SET password_hash = ? WHERE id = ? AND kind = 'account' \
         RETURNING {USER_COLUMNS}"
    );
    let updated = sqlx::query(&sql)
        .bind(password_hash)
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
    match updated {
        Some(row) => rows::user(&row),
        None => match user(pool, user_id).await? {
            Some(_) => Err(StoreError::WrongState("a guest has no password to set")),
            None => Err(StoreError::NotFound { what: "user" }),
        },
    }
}

pub(super) async fn update_profile(
    pool: &SqlitePool,
    user_id: &str,
    display_name: &str,
    bio: &str,
) -> Result<User> {
    let sql =
        format!("UPDATE users SET display_name = ?, bio = ? WHERE id = ? RETURNING {USER_COLUMNS}");
    let updated = sqlx::query(&sql)
        .bind(display_name)
        .bind(bio)
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
    match updated {
        Some(row) => rows::user(&row),
        None => Err(StoreError::NotFound { what: "user" }),
    }
}
