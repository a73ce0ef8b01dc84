//! Passkeys and WebAuthn ceremonies on SQLite. Called from the `Store` impl in `queries.rs`.
//!
//! Sign-up with a passkey and removing a passkey are multi-statement writes: each runs in a
//! `BEGIN IMMEDIATE` transaction (the write lock up front; see `accounts.rs`), so an account is
//! never left without a way to sign in, even when two removals race.

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};

use crate::model::{NewAccount, User};
use crate::passkey_model::{Ceremony, CeremonyKind, PasskeyRecord, PasskeySummary};
use crate::{Result, StoreError};

const PASSKEY_COLUMNS: &str = "id, user_id, credential_id, passkey, name, created_at, last_used_at";

fn passkey(row: &SqliteRow) -> Result<PasskeyRecord> {
    let get = |err: sqlx::Error| match err {
        sqlx::Error::ColumnDecode { index, source } => {
            StoreError::Corrupt(format!("passkeys.{index}: {source}"))
        }
        other => StoreError::Database(other),
    };
    Ok(PasskeyRecord {
        id: row.try_get("id").map_err(get)?,
        user_id: row.try_get("user_id").map_err(get)?,
        credential_id: row.try_get("credential_id").map_err(get)?,
        passkey: row.try_get("passkey").map_err(get)?,
        name: row.try_get("name").map_err(get)?,
        created_at: row.try_get("created_at").map_err(get)?,
        last_used_at: row.try_get("last_used_at").map_err(get)?,
    })
}

fn taken_or(err: sqlx::Error, what: &'static str) -> StoreError {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Taken { what },
        _ => StoreError::Database(err),
    }
}

async fn insert(conn: &mut SqliteConnection, record: &PasskeyRecord) -> Result<()> {
    sqlx::query(
        "INSERT INTO passkeys (id, user_id, credential_id, passkey, name, created_at, last_used_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&record.id)
    .bind(&record.user_id)
    .bind(&record.credential_id)
    .bind(&record.passkey)
    .bind(&record.name)
    .bind(record.created_at)
    .bind(record.last_used_at)
    .execute(conn)
    .await
    .map_err(|err| taken_or(err, "the passkey"))?;
    Ok(())
}

pub(super) async fn convert_guest_with_passkey(
    pool: &SqlitePool,
    user_id: &str,
    account: &NewAccount,
    record: &PasskeyRecord,
) -> Result<User> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM users WHERE id = ?")
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    match kind.as_deref() {
        Some("guest") => {}
        Some(_) => return Err(StoreError::WrongState("the user already has an account")),
        None => return Err(StoreError::NotFound { what: "user" }),
    }
    let Some(user) = super::accounts::write_account(&mut *tx, user_id, account).await? else {
        return Err(StoreError::WrongState("the user already has an account"));
    };
    insert(&mut tx, record).await?;
    tx.commit().await?;
    Ok(user)
}

pub(super) async fn add(pool: &SqlitePool, record: &PasskeyRecord) -> Result<()> {
    let mut conn = pool.acquire().await?;
    insert(&mut conn, record).await
}

pub(super) async fn list(pool: &SqlitePool, user_id: &str) -> Result<Vec<PasskeyRecord>> {
    let sql =
        format!("SELECT {PASSKEY_COLUMNS} FROM passkeys WHERE user_id = ? ORDER BY created_at, id");
    let found = sqlx::query(&sql).bind(user_id).fetch_all(pool).await?;
    found.iter().map(passkey).collect()
}

pub(super) async fn by_credential(
    pool: &SqlitePool,
    credential_id: &[u8],
) -> Result<Option<PasskeyRecord>> {
    let sql = format!("SELECT {PASSKEY_COLUMNS} FROM passkeys WHERE credential_id = ?");
    let row = sqlx::query(&sql)
        .bind(credential_id)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(passkey).transpose()
}

pub(super) async fn record_use(pool: &SqlitePool, id: &str, json: &str, now: i64) -> Result<()> {
    let done = sqlx::query("UPDATE passkeys SET passkey = ?, last_used_at = ? WHERE id = ?")
        .bind(json)
        .bind(now)
        .bind(id)
        .execute(pool)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound { what: "passkey" });
    }
    Ok(())
}

pub(super) async fn rename(
    pool: &SqlitePool,
    user_id: &str,
    id: &str,
    name: &str,
) -> Result<PasskeyRecord> {
    let sql = format!(
        "UPDATE passkeys SET name = ? WHERE id = ? AND user_id = ? RETURNING {PASSKEY_COLUMNS}"
    );
    let row = sqlx::query(&sql)
        .bind(name)
        .bind(id)
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
    match row {
        Some(row) => passkey(&row),
        None => Err(StoreError::NotFound { what: "passkey" }),
    }
}

pub(super) async fn delete(pool: &SqlitePool, user_id: &str, id: &str) -> Result<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let mine: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM passkeys WHERE id = ? AND user_id = ?")
            .bind(id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    if mine.is_none() {
        return Err(StoreError::NotFound { what: "passkey" });
    }
    if super::accounts::sign_in_ways(&mut tx, user_id).await? <= 1 {
        return Err(StoreError::WrongState(
            "this passkey is your only way to sign in; add another passkey or link a provider first",
        ));
    }
    sqlx::query("DELETE FROM passkeys WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// What an export shows of the user's passkeys: names and dates, no key material.
pub(super) async fn summaries(pool: &SqlitePool, user_id: &str) -> Result<Vec<PasskeySummary>> {
    Ok(list(pool, user_id)
        .await?
        .iter()
        .map(PasskeySummary::from)
        .collect())
}

pub(super) async fn put_ceremony(
    pool: &SqlitePool,
    ceremony: &Ceremony,
    keep_per_user: u32,
) -> Result<()> {
    sqlx::query("DELETE FROM webauthn_ceremonies WHERE expires_at <= ?")
        .bind(ceremony.created_at)
        .execute(pool)
        .await?;
    sqlx::query(
        "INSERT INTO webauthn_ceremonies (id, user_id, kind, state, created_at, expires_at) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&ceremony.id)
    .bind(&ceremony.user_id)
    .bind(ceremony.kind.as_str())
    .bind(&ceremony.state)
    .bind(ceremony.created_at)
    .bind(ceremony.expires_at)
    .execute(pool)
    .await?;
    // A user starting ceremony after ceremony keeps only the newest few.
    sqlx::query(
        "DELETE FROM webauthn_ceremonies WHERE user_id = ? AND id NOT IN \
         (SELECT id FROM webauthn_ceremonies WHERE user_id = ? \
          ORDER BY created_at DESC, rowid DESC LIMIT ?)",
    )
    .bind(&ceremony.user_id)
    .bind(&ceremony.user_id)
    .bind(keep_per_user)
    .execute(pool)
    .await?;
    Ok(())
}

pub(super) async fn take_ceremony(
    pool: &SqlitePool,
    id: &str,
    user_id: &str,
    kind: CeremonyKind,
    now: i64,
) -> Result<Option<String>> {
    // One statement: two finishes racing for the same ceremony cannot both get it.
    let row = sqlx::query(
        "DELETE FROM webauthn_ceremonies WHERE id = ? AND user_id = ? AND kind = ? \
         RETURNING state, expires_at",
    )
    .bind(id)
    .bind(user_id)
    .bind(kind.as_str())
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let expires_at: i64 = row.try_get("expires_at")?;
    if expires_at <= now {
        return Ok(None);
    }
    Ok(Some(row.try_get("state")?))
}

pub(super) async fn delete_expired_ceremonies(pool: &SqlitePool, now: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM webauthn_ceremonies WHERE expires_at <= ?")
        .bind(now)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
