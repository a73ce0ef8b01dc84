//! The embedded backend: one SQLite file in WAL mode behind a small connection pool.

mod accounts;
mod magic;
mod oidc;
mod passkeys;
mod queries;
mod rows;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::{Result, StoreError};

/// SQLite serialises writers anyway; a few connections let readers proceed during a write (WAL)
/// without holding many file handles.
const MAX_CONNECTIONS: u32 = 8;

/// How long a writer waits for another one before failing with "database is locked". Writes
/// here are single short statements, so this is only reached when something is badly wrong.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The `Store` on SQLite. Cheap to clone: clones share the pool.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating it and its directory if needed) and migrates the database at `path`.
    pub async fn open(path: &Path) -> Result<Self> {
        let open_error = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|err| open_error(sqlx::Error::Io(err)))?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // In WAL mode NORMAL cannot corrupt the file; a power cut may lose the last commits.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        let pool = SqlitePoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .connect_with(options)
            .await
            .map_err(open_error)?;
        Self::migrated(pool).await
    }

    /// A private database in memory, for tests. It lives as long as the store.
    pub async fn open_in_memory() -> Result<Self> {
        let open_error = |source| StoreError::Open {
            path: ":memory:".to_owned(),
            source,
        };
        let options = SqliteConnectOptions::from_str("sqlite::memory:")
            .map_err(open_error)?
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        // An in-memory database dies with its last connection and is not shared between
        // connections without shared-cache locking (which ignores busy_timeout), so the pool is
        // exactly one connection that is never closed for being idle or old.
        let pool = SqlitePoolOptions::new()
            .min_connections(1)
            .max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await
            .map_err(open_error)?;
        Self::migrated(pool).await
    }

    async fn migrated(pool: SqlitePool) -> Result<Self> {
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(SqliteStore { pool })
    }

    /// Waits for queries in flight and closes every connection, so the WAL is checkpointed
    /// into the main file before the process exits.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
