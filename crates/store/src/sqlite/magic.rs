//! Magic-link sign-in and avatars on SQLite. A link is redeemed by one `DELETE ... RETURNING`,
//! so it can be used once however many requests race for it; an avatar and the version copied
//! onto its user row change in one `BEGIN IMMEDIATE` transaction.

use sqlx::{Row, SqlitePool};

use super::rows::{self, USER_COLUMNS};
use crate::model::{Avatar, MagicLink, User};
use crate::{Result, StoreError};

pub(super) async fn create_magic_link(
    pool: &SqlitePool,
    token_hash: &[u8],
    email: &str,
    requested_by: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO magic_links (token_hash, email, requested_by, created_at, expires_at) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(token_hash)
    .bind(email)
    .bind(requested_by)
    .bind(now)
    .bind(expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

pub(super) async fn magic_link_usable(
    pool: &SqlitePool,
    token_hash: &[u8],
    now: i64,
) -> Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM magic_links WHERE token_hash = ? AND expires_at > ?")
            .bind(token_hash)
            .bind(now)
            .fetch_optional(pool)
            .await?;
    Ok(found.is_some())
}

pub(super) async fn consume_magic_link(
    pool: &SqlitePool,
    token_hash: &[u8],
    now: i64,
) -> Result<Option<MagicLink>> {
    // An expired link is deleted too: it could never be used again anyway.
    let row = sqlx::query(
        "DELETE FROM magic_links WHERE token_hash = ? RETURNING email, requested_by, expires_at",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let expires_at: i64 = row.try_get("expires_at")?;
    if expires_at <= now {
        return Ok(None);
    }
    Ok(Some(MagicLink {
        email: row.try_get("email")?,
        requested_by: row.try_get("requested_by")?,
    }))
}

pub(super) async fn delete_expired_magic_links(pool: &SqlitePool, now: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM magic_links WHERE expires_at <= ?")
        .bind(now)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

pub(super) async fn account_by_email(pool: &SqlitePool, email: &str) -> Result<Option<User>> {
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM users WHERE email = ? COLLATE NOCASE AND kind = 'account' \
         AND email_verified = 1 \
         ORDER BY created_at, id LIMIT 1"
    );
    let row = sqlx::query(&sql).bind(email).fetch_optional(pool).await?;
    row.as_ref().map(rows::user).transpose()
}

pub(super) async fn put_avatar(pool: &SqlitePool, user_id: &str, avatar: &Avatar) -> Result<User> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let sql = format!(
        "UPDATE users SET avatar_version = ? WHERE id = ? AND kind = 'account' \
         RETURNING {USER_COLUMNS}"
    );
    let updated = sqlx::query(&sql)
        .bind(&avatar.version)
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = updated else {
        let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM users WHERE id = ?")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
        return Err(match exists {
            Some(_) => StoreError::WrongState("only an account can have an avatar"),
            None => StoreError::NotFound { what: "user" },
        });
    };
    let user = rows::user(&row)?;
    sqlx::query(
        "INSERT INTO avatars (user_id, png, version, updated_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT (user_id) DO UPDATE SET png = excluded.png, version = excluded.version, \
         updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(&avatar.png)
    .bind(&avatar.version)
    .bind(avatar.updated_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(user)
}

pub(super) async fn avatar(pool: &SqlitePool, user_id: &str) -> Result<Option<Avatar>> {
    let row = sqlx::query("SELECT png, version, updated_at FROM avatars WHERE user_id = ?")
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
    row.map(|row| {
        Ok(Avatar {
            png: row.try_get("png")?,
            version: row.try_get("version")?,
            updated_at: row.try_get("updated_at")?,
        })
    })
    .transpose()
}

pub(super) async fn delete_avatar(pool: &SqlitePool, user_id: &str) -> Result<User> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("DELETE FROM avatars WHERE user_id = ?")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let sql =
        format!("UPDATE users SET avatar_version = NULL WHERE id = ? RETURNING {USER_COLUMNS}");
    let updated = sqlx::query(&sql)
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = updated else {
        return Err(StoreError::NotFound { what: "user" });
    };
    let user = rows::user(&row)?;
    tx.commit().await?;
    Ok(user)
}
