//! `Store` on SQLite. Every write is one statement, so each is atomic on its own and never
//! upgrades a read lock mid-transaction (which SQLite answers with "database is locked" without
//! waiting for the busy timeout).

use async_trait::async_trait;
use sqlx::Row;

use super::SqliteStore;
use super::rows::{
    self, DRAFT_COLUMNS, PROBLEM_SESSION_COLUMNS, REVEAL_COLUMNS, RUN_COLUMNS, USER_COLUMNS,
};
use super::{accounts, magic, oidc, passkeys};
use crate::model::{
    Avatar, Draft, MagicLink, NewAccount, OidcIdentity, OidcPending, ProblemSession, ProblemStatus,
    Reveal, Role, RunKind, RunRecord, RunStatus, User, UserKind, UserPage,
};
use crate::passkey_model::{Ceremony, CeremonyKind, PasskeyRecord};
use crate::{Result, Store, StoreError};

#[async_trait]
impl Store for SqliteStore {
    async fn create_guest(&self, now: i64) -> Result<User> {
        let user = User {
            id: uuid::Uuid::new_v4().simple().to_string(),
            kind: UserKind::Guest,
            created_at: now,
            username: None,
            email: None,
            display_name: String::new(),
            bio: String::new(),
            role: Role::Learner,
            avatar_version: None,
            has_password: false,
        };
        sqlx::query("INSERT INTO users (id, kind, created_at) VALUES (?, ?, ?)")
            .bind(&user.id)
            .bind(user.kind.as_str())
            .bind(user.created_at)
            .execute(&self.pool)
            .await?;
        Ok(user)
    }

    async fn create_web_session(
        &self,
        user_id: &str,
        token_hash: &[u8],
        now: i64,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO web_sessions (token_hash, user_id, created_at, expires_at) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn user_by_session(&self, token_hash: &[u8], now: i64) -> Result<Option<User>> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE id = \
             (SELECT user_id FROM web_sessions WHERE token_hash = ? AND expires_at > ?)"
        );
        let row = sqlx::query(&sql)
            .bind(token_hash)
            .bind(now)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(rows::user).transpose()
    }

    async fn problem_session(&self, user_id: &str, slug: &str) -> Result<Option<ProblemSession>> {
        let sql = format!(
            "SELECT {PROBLEM_SESSION_COLUMNS} FROM problem_sessions WHERE user_id = ? AND slug = ?"
        );
        let row = sqlx::query(&sql)
            .bind(user_id)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(rows::problem_session).transpose()
    }

    async fn put_problem_session(&self, session: &ProblemSession) -> Result<()> {
        sqlx::query(
            "INSERT INTO problem_sessions \
             (user_id, slug, language, started_at, elapsed_ms, running_since, stopped_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (user_id, slug) DO UPDATE SET \
             language = excluded.language, started_at = excluded.started_at, \
             elapsed_ms = excluded.elapsed_ms, running_since = excluded.running_since, \
             stopped_at = excluded.stopped_at",
        )
        .bind(&session.user_id)
        .bind(&session.slug)
        .bind(&session.language)
        .bind(session.started_at)
        .bind(session.elapsed_ms)
        .bind(session.running_since)
        .bind(session.stopped_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn drafts(&self, user_id: &str, slug: &str) -> Result<Vec<Draft>> {
        let sql = format!(
            "SELECT {DRAFT_COLUMNS} FROM drafts WHERE user_id = ? AND slug = ? ORDER BY language"
        );
        let found = sqlx::query(&sql)
            .bind(user_id)
            .bind(slug)
            .fetch_all(&self.pool)
            .await?;
        found.iter().map(rows::draft).collect()
    }

    async fn save_draft(&self, draft: &Draft) -> Result<Draft> {
        // The conflict branch always updates, keeping the stored values when they are newer,
        // so RETURNING yields the row as stored by this very statement: no second read that a
        // concurrent save could slip in front of.
        let sql = format!(
            "INSERT INTO drafts ({DRAFT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) \
             ON CONFLICT (user_id, slug, language) DO UPDATE SET \
             code = CASE WHEN excluded.client_updated_at >= drafts.client_updated_at \
                    THEN excluded.code ELSE drafts.code END, \
             saved_at = CASE WHEN excluded.client_updated_at >= drafts.client_updated_at \
                        THEN excluded.saved_at ELSE drafts.saved_at END, \
             client_updated_at = MAX(excluded.client_updated_at, drafts.client_updated_at) \
             RETURNING {DRAFT_COLUMNS}"
        );
        let row = sqlx::query(&sql)
            .bind(&draft.user_id)
            .bind(&draft.slug)
            .bind(&draft.language)
            .bind(&draft.code)
            .bind(draft.client_updated_at)
            .bind(draft.saved_at)
            .fetch_one(&self.pool)
            .await?;
        rows::draft(&row)
    }

    async fn delete_run(&self, id: &str) -> Result<()> {
        sqlx::query("DELETE FROM runs WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn insert_run(&self, run: &RunRecord) -> Result<()> {
        let sql = format!(
            "INSERT INTO runs ({RUN_COLUMNS}) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        );
        sqlx::query(&sql)
            .bind(&run.id)
            .bind(&run.user_id)
            .bind(&run.slug)
            .bind(&run.language)
            .bind(run.kind.as_str())
            .bind(&run.code)
            .bind(&run.custom_input)
            .bind(run.status.as_str())
            .bind(&run.verdict)
            .bind(run.passed)
            .bind(run.total)
            .bind(report_text(run.report.as_ref()))
            .bind(run.created_at)
            .bind(run.started_at)
            .bind(run.finished_at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn update_run(&self, run: &RunRecord) -> Result<()> {
        let done = sqlx::query(
            "UPDATE runs SET status = ?, verdict = ?, passed = ?, total = ?, report = ?, \
             started_at = ?, finished_at = ? WHERE id = ?",
        )
        .bind(run.status.as_str())
        .bind(&run.verdict)
        .bind(run.passed)
        .bind(run.total)
        .bind(report_text(run.report.as_ref()))
        .bind(run.started_at)
        .bind(run.finished_at)
        .bind(&run.id)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound { what: "run" });
        }
        Ok(())
    }

    async fn run(&self, id: &str) -> Result<Option<RunRecord>> {
        let sql = format!("SELECT {RUN_COLUMNS} FROM runs WHERE id = ?");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(rows::run).transpose()
    }

    async fn runs_for(
        &self,
        user_id: &str,
        slug: &str,
        kinds: &[RunKind],
        limit: u32,
    ) -> Result<Vec<RunRecord>> {
        if kinds.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let placeholders = vec!["?"; kinds.len()].join(", ");
        // rowid breaks ties between runs created in the same millisecond: later insert first.
        let sql = format!(
            "SELECT {RUN_COLUMNS} FROM runs \
             WHERE user_id = ? AND slug = ? AND kind IN ({placeholders}) \
             ORDER BY created_at DESC, rowid DESC LIMIT ?"
        );
        let mut query = sqlx::query(&sql).bind(user_id).bind(slug);
        for kind in kinds {
            query = query.bind(kind.as_str());
        }
        let found = query.bind(limit).fetch_all(&self.pool).await?;
        found.iter().map(rows::run).collect()
    }

    async fn record_reveal(&self, reveal: &Reveal) -> Result<()> {
        let sql = format!(
            "INSERT INTO reveals ({REVEAL_COLUMNS}) VALUES (?, ?, ?, ?, ?) \
             ON CONFLICT (user_id, slug, kind, tier) DO NOTHING"
        );
        sqlx::query(&sql)
            .bind(&reveal.user_id)
            .bind(&reveal.slug)
            .bind(reveal.kind.as_str())
            .bind(reveal.tier)
            .bind(reveal.at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn reveals(&self, user_id: &str, slug: &str) -> Result<Vec<Reveal>> {
        let sql = format!(
            "SELECT {REVEAL_COLUMNS} FROM reveals WHERE user_id = ? AND slug = ? \
             ORDER BY at, rowid"
        );
        let found = sqlx::query(&sql)
            .bind(user_id)
            .bind(slug)
            .fetch_all(&self.pool)
            .await?;
        found.iter().map(rows::reveal).collect()
    }

    async fn problem_statuses(&self, user_id: &str) -> Result<Vec<(String, ProblemStatus)>> {
        // `IS` rather than `=`: a NULL verdict must count as "not accepted", not as unknown.
        let found = sqlx::query(
            "SELECT slug, MAX(kind = 'submit' AND verdict IS 'accepted') AS solved FROM runs \
             WHERE user_id = ? AND kind IN ('run', 'submit', 'custom') \
             GROUP BY slug ORDER BY slug",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        found
            .iter()
            .map(|row| {
                let slug: String = row.try_get("slug")?;
                let solved: bool = row.try_get("solved")?;
                let status = if solved {
                    ProblemStatus::Solved
                } else {
                    ProblemStatus::Attempted
                };
                Ok((slug, status))
            })
            .collect()
    }

    async fn fail_unfinished_runs(&self, now: i64, reason: &str) -> Result<u64> {
        let report = serde_json::json!({ "message": reason }).to_string();
        let done = sqlx::query(
            "UPDATE runs SET status = ?, finished_at = ?, report = ? WHERE status IN (?, ?)",
        )
        .bind(RunStatus::Failed.as_str())
        .bind(now)
        .bind(report)
        .bind(RunStatus::Queued.as_str())
        .bind(RunStatus::Running.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    async fn convert_guest(&self, user_id: &str, account: &NewAccount) -> Result<User> {
        accounts::convert_guest(&self.pool, user_id, account).await
    }

    async fn account_by_username(&self, username: &str) -> Result<Option<crate::Account>> {
        accounts::account_by_username(&self.pool, username).await
    }

    async fn user(&self, user_id: &str) -> Result<Option<User>> {
        accounts::user(&self.pool, user_id).await
    }

    async fn merge_guest(&self, guest_id: &str, into_user_id: &str) -> Result<()> {
        accounts::merge_guest(&self.pool, guest_id, into_user_id).await
    }

    async fn delete_web_session(&self, token_hash: &[u8]) -> Result<()> {
        accounts::delete_web_session(&self.pool, token_hash).await
    }

    async fn delete_expired_sessions(&self, now: i64) -> Result<u64> {
        accounts::delete_expired_sessions(&self.pool, now).await
    }

    async fn delete_user_sessions(&self, user_id: &str) -> Result<u64> {
        accounts::delete_user_sessions(&self.pool, user_id).await
    }

    async fn delete_user(&self, user_id: &str) -> Result<()> {
        accounts::delete_user(&self.pool, user_id).await
    }

    async fn export_user(&self, user_id: &str) -> Result<serde_json::Value> {
        let mut data = accounts::export_user(&self.pool, user_id).await?;
        let passkeys = passkeys::summaries(&self.pool, user_id).await?;
        if let Some(object) = data.as_object_mut() {
            object.insert("passkeys".into(), serde_json::json!(passkeys));
        }
        Ok(data)
    }

    async fn list_users(&self, offset: u64, limit: u32) -> Result<UserPage> {
        accounts::list_users(&self.pool, offset, limit).await
    }

    async fn set_role(&self, user_id: &str, role: Role) -> Result<User> {
        accounts::set_role(&self.pool, user_id, role).await
    }

    async fn update_profile(&self, user_id: &str, display_name: &str, bio: &str) -> Result<User> {
        accounts::update_profile(&self.pool, user_id, display_name, bio).await
    }

    async fn set_password(&self, user_id: &str, password_hash: &str) -> Result<User> {
        accounts::set_password(&self.pool, user_id, password_hash).await
    }

    async fn insert_oidc_pending(&self, login: &OidcPending) -> Result<()> {
        oidc::insert_pending(&self.pool, login).await
    }

    async fn take_oidc_pending(&self, state_hash: &[u8]) -> Result<Option<OidcPending>> {
        oidc::take_pending(&self.pool, state_hash).await
    }

    async fn delete_expired_oidc_pending(&self, now: i64) -> Result<u64> {
        oidc::delete_expired_pending(&self.pool, now).await
    }

    async fn user_by_identity(&self, provider: &str, subject: &str) -> Result<Option<User>> {
        oidc::user_by_identity(&self.pool, provider, subject).await
    }

    async fn link_identity(&self, identity: &OidcIdentity) -> Result<()> {
        oidc::link_identity(&self.pool, identity).await
    }

    async fn convert_guest_with_identity(
        &self,
        guest_id: &str,
        account: &NewAccount,
        identity: &OidcIdentity,
    ) -> Result<User> {
        oidc::convert_guest_with_identity(&self.pool, guest_id, account, identity).await
    }

    async fn identities(&self, user_id: &str) -> Result<Vec<OidcIdentity>> {
        oidc::identities(&self.pool, user_id).await
    }

    async fn unlink_identity(&self, user_id: &str, provider: &str) -> Result<()> {
        oidc::unlink_identity(&self.pool, user_id, provider).await
    }

    async fn create_magic_link(
        &self,
        token_hash: &[u8],
        email: &str,
        requested_by: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<()> {
        magic::create_magic_link(&self.pool, token_hash, email, requested_by, now, expires_at).await
    }

    async fn magic_link_usable(&self, token_hash: &[u8], now: i64) -> Result<bool> {
        magic::magic_link_usable(&self.pool, token_hash, now).await
    }

    async fn consume_magic_link(&self, token_hash: &[u8], now: i64) -> Result<Option<MagicLink>> {
        magic::consume_magic_link(&self.pool, token_hash, now).await
    }

    async fn delete_expired_magic_links(&self, now: i64) -> Result<u64> {
        magic::delete_expired_magic_links(&self.pool, now).await
    }

    async fn account_by_email(&self, email: &str) -> Result<Option<User>> {
        magic::account_by_email(&self.pool, email).await
    }

    async fn put_avatar(&self, user_id: &str, avatar: &Avatar) -> Result<User> {
        magic::put_avatar(&self.pool, user_id, avatar).await
    }

    async fn avatar(&self, user_id: &str) -> Result<Option<Avatar>> {
        magic::avatar(&self.pool, user_id).await
    }

    async fn delete_avatar(&self, user_id: &str) -> Result<User> {
        magic::delete_avatar(&self.pool, user_id).await
    }

    async fn convert_guest_with_passkey(
        &self,
        user_id: &str,
        account: &NewAccount,
        passkey: &PasskeyRecord,
    ) -> Result<User> {
        passkeys::convert_guest_with_passkey(&self.pool, user_id, account, passkey).await
    }

    async fn add_passkey(&self, passkey: &PasskeyRecord) -> Result<()> {
        passkeys::add(&self.pool, passkey).await
    }

    async fn passkeys(&self, user_id: &str) -> Result<Vec<PasskeyRecord>> {
        passkeys::list(&self.pool, user_id).await
    }

    async fn passkey_by_credential(&self, credential_id: &[u8]) -> Result<Option<PasskeyRecord>> {
        passkeys::by_credential(&self.pool, credential_id).await
    }

    async fn record_passkey_use(&self, id: &str, passkey: &str, now: i64) -> Result<()> {
        passkeys::record_use(&self.pool, id, passkey, now).await
    }

    async fn rename_passkey(&self, user_id: &str, id: &str, name: &str) -> Result<PasskeyRecord> {
        passkeys::rename(&self.pool, user_id, id, name).await
    }

    async fn delete_passkey(&self, user_id: &str, id: &str) -> Result<()> {
        passkeys::delete(&self.pool, user_id, id).await
    }

    async fn put_ceremony(&self, ceremony: &Ceremony, keep_per_user: u32) -> Result<()> {
        passkeys::put_ceremony(&self.pool, ceremony, keep_per_user).await
    }

    async fn take_ceremony(
        &self,
        id: &str,
        user_id: &str,
        kind: CeremonyKind,
        now: i64,
    ) -> Result<Option<String>> {
        passkeys::take_ceremony(&self.pool, id, user_id, kind, now).await
    }

    async fn delete_expired_ceremonies(&self, now: i64) -> Result<u64> {
        passkeys::delete_expired_ceremonies(&self.pool, now).await
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
}

/// A run's report as stored: JSON text.
fn report_text(report: Option<&serde_json::Value>) -> Option<String> {
    report.map(serde_json::Value::to_string)
}
