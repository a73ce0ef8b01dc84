use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot open the database at {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: sqlx::Error,
    },
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("{what} not found")]
    NotFound { what: &'static str },
    /// A unique value (a username) is already used by another row.
    #[error("{what} is already taken")]
    Taken { what: &'static str },
    /// The row exists but is not in the state the operation needs (e.g. signing up an
    /// account that is not a guest).
    #[error("{0}")]
    WrongState(&'static str),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}
