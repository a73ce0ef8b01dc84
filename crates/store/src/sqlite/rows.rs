//! Turning SQLite rows into records. SQLite accepts any value in any column, so every value is
//! checked here and a bad one becomes `StoreError::Corrupt` naming its column, never a panic.

use sqlx::sqlite::SqliteRow;
use sqlx::{Decode, Row, Sqlite, Type};

use crate::model::{
    Account, Draft, ProblemSession, Reveal, RevealKind, Role, RunKind, RunRecord, RunStatus, User,
    UserKind,
};
use crate::{Result, StoreError};

/// The columns each record is read from, in `SELECT` order.
pub(super) const USER_COLUMNS: &str = "id, kind, created_at, username, email, display_name, bio, role, avatar_version, \
     password_hash IS NOT NULL AS has_password";
pub(super) const PROBLEM_SESSION_COLUMNS: &str =
    "user_id, slug, language, started_at, elapsed_ms, running_since, stopped_at";
pub(super) const DRAFT_COLUMNS: &str = "user_id, slug, language, code, client_updated_at, saved_at";
pub(super) const RUN_COLUMNS: &str = "id, user_id, slug, language, kind, code, custom_input, \
     status, verdict, passed, total, report, created_at, started_at, finished_at";
pub(super) const REVEAL_COLUMNS: &str = "user_id, slug, kind, tier, at";

/// One row of one table, so errors can say `table.column`.
struct Cols<'r> {
    row: &'r SqliteRow,
    table: &'static str,
}

impl<'r> Cols<'r> {
    fn new(row: &'r SqliteRow, table: &'static str) -> Self {
        Cols { row, table }
    }

    fn corrupt(&self, column: &str, what: impl std::fmt::Display) -> StoreError {
        StoreError::Corrupt(format!("{}.{column}: {what}", self.table))
    }

    fn get<T>(&self, column: &str) -> Result<T>
    where
        T: Decode<'r, Sqlite> + Type<Sqlite>,
    {
        self.row.try_get(column).map_err(|err| match err {
            sqlx::Error::ColumnDecode { source, .. } => self.corrupt(column, source),
            other => StoreError::Database(other),
        })
    }

    fn text_enum<E>(&self, column: &str, parse: fn(&str) -> Option<E>) -> Result<E> {
        let text: String = self.get(column)?;
        parse(&text).ok_or_else(|| self.corrupt(column, format_args!("unknown value {text:?}")))
    }

    fn unsigned(&self, column: &str) -> Result<u32> {
        let value: i64 = self.get(column)?;
        u32::try_from(value)
            .map_err(|_| self.corrupt(column, format_args!("{value} is out of range")))
    }

    fn json(&self, column: &str) -> Result<Option<serde_json::Value>> {
        let text: Option<String> = self.get(column)?;
        text.map(|text| serde_json::from_str(&text).map_err(|err| self.corrupt(column, err)))
            .transpose()
    }
}

pub(super) fn user(row: &SqliteRow) -> Result<User> {
    let c = Cols::new(row, "users");
    Ok(User {
        id: c.get("id")?,
        kind: c.text_enum("kind", UserKind::parse)?,
        created_at: c.get("created_at")?,
        username: c.get("username")?,
        email: c.get("email")?,
        display_name: c.get("display_name")?,
        bio: c.get("bio")?,
        role: c.text_enum("role", Role::parse)?,
        avatar_version: c.get("avatar_version")?,
        has_password: c.get("has_password")?,
    })
}

pub(super) fn account(row: &SqliteRow) -> Result<Account> {
    let c = Cols::new(row, "users");
    Ok(Account {
        user: user(row)?,
        password_hash: c.get("password_hash")?,
    })
}

pub(super) fn problem_session(row: &SqliteRow) -> Result<ProblemSession> {
    let c = Cols::new(row, "problem_sessions");
    Ok(ProblemSession {
        user_id: c.get("user_id")?,
        slug: c.get("slug")?,
        language: c.get("language")?,
        started_at: c.get("started_at")?,
        elapsed_ms: c.get("elapsed_ms")?,
        running_since: c.get("running_since")?,
        stopped_at: c.get("stopped_at")?,
    })
}

pub(super) fn draft(row: &SqliteRow) -> Result<Draft> {
    let c = Cols::new(row, "drafts");
    Ok(Draft {
        user_id: c.get("user_id")?,
        slug: c.get("slug")?,
        language: c.get("language")?,
        code: c.get("code")?,
        client_updated_at: c.get("client_updated_at")?,
        saved_at: c.get("saved_at")?,
    })
}

pub(super) fn run(row: &SqliteRow) -> Result<RunRecord> {
    let c = Cols::new(row, "runs");
    Ok(RunRecord {
        id: c.get("id")?,
        user_id: c.get("user_id")?,
        slug: c.get("slug")?,
        language: c.get("language")?,
        kind: c.text_enum("kind", RunKind::parse)?,
        code: c.get("code")?,
        custom_input: c.get("custom_input")?,
        status: c.text_enum("status", RunStatus::parse)?,
        verdict: c.get("verdict")?,
        passed: c.unsigned("passed")?,
        total: c.unsigned("total")?,
        report: c.json("report")?,
        created_at: c.get("created_at")?,
        started_at: c.get("started_at")?,
        finished_at: c.get("finished_at")?,
    })
}

pub(super) fn reveal(row: &SqliteRow) -> Result<Reveal> {
    let c = Cols::new(row, "reveals");
    Ok(Reveal {
        user_id: c.get("user_id")?,
        slug: c.get("slug")?,
        kind: c.text_enum("kind", RevealKind::parse)?,
        tier: c.unsigned("tier")?,
        at: c.get("at")?,
    })
}
