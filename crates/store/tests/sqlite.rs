//! The SQLite store against real database files.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use tandem_store::{
    Draft, ProblemSession, ProblemStatus, Reveal, RevealKind, RunKind, RunRecord, RunStatus,
    SqliteStore, Store, StoreError, UserKind,
};
use tempfile::TempDir;

fn db_path(dir: &TempDir) -> PathBuf {
    dir.path().join("tandem.db")
}

async fn open(dir: &TempDir) -> SqliteStore {
    SqliteStore::open(&db_path(dir)).await.unwrap()
}

/// A connection beside the store's pool, to look at or tamper with the file directly.
async fn raw(path: &Path) -> SqliteConnection {
    SqliteConnection::connect_with(
        &SqliteConnectOptions::new()
            .filename(path)
            .foreign_keys(true),
    )
    .await
    .unwrap()
}

fn draft(user: &str, language: &str, code: &str, client_updated_at: i64, saved_at: i64) -> Draft {
    Draft {
        user_id: user.to_owned(),
        slug: "two-sum".to_owned(),
        language: language.to_owned(),
        code: code.to_owned(),
        client_updated_at,
        saved_at,
    }
}

fn run(id: &str, user: &str, slug: &str, kind: RunKind, created_at: i64) -> RunRecord {
    RunRecord {
        id: id.to_owned(),
        user_id: user.to_owned(),
        slug: slug.to_owned(),
        language: "python".to_owned(),
        kind,
        code: format!("print({id:?})"),
        custom_input: None,
        status: RunStatus::Queued,
        verdict: None,
        passed: 0,
        total: 0,
        report: None,
        created_at,
        started_at: None,
        finished_at: None,
    }
}

fn finished(mut run: RunRecord, verdict: &str) -> RunRecord {
    run.status = RunStatus::Done;
    run.verdict = Some(verdict.to_owned());
    run.started_at = Some(run.created_at + 1);
    run.finished_at = Some(run.created_at + 2);
    run
}

fn reveal(user: &str, kind: RevealKind, tier: u32, at: i64) -> Reveal {
    Reveal {
        user_id: user.to_owned(),
        slug: "two-sum".to_owned(),
        kind,
        tier,
        at,
    }
}

fn ids(runs: &[RunRecord]) -> Vec<&str> {
    runs.iter().map(|run| run.id.as_str()).collect()
}

#[tokio::test]
async fn guests_get_distinct_ids() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let a = store.create_guest(100).await.unwrap();
    let b = store.create_guest(200).await.unwrap();
    assert_ne!(a.id, b.id);
    assert_eq!(a.id.len(), 32, "128 random bits, hex");
    assert!(a.id.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(a.kind, UserKind::Guest);
    assert_eq!(a.created_at, 100);
    assert_eq!(b.created_at, 200);
}

#[tokio::test]
async fn web_sessions_find_their_user_until_they_expire() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    let hash = [7u8; 32];
    store
        .create_web_session(&user.id, &hash, 1_000, 2_000)
        .await
        .unwrap();

    assert_eq!(
        store.user_by_session(&hash, 1_000).await.unwrap(),
        Some(user.clone())
    );
    assert_eq!(
        store.user_by_session(&hash, 1_999).await.unwrap(),
        Some(user)
    );
    assert_eq!(store.user_by_session(&hash, 2_000).await.unwrap(), None);
    assert_eq!(store.user_by_session(&hash, 5_000).await.unwrap(), None);
    assert_eq!(
        store.user_by_session(&[8u8; 32], 1_500).await.unwrap(),
        None
    );
}

#[tokio::test]
async fn web_session_of_unknown_user_is_refused() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let err = store
        .create_web_session("nobody", &[1u8; 32], 0, 10)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Database(_)), "{err:?}");
}

#[tokio::test]
async fn problem_sessions_are_inserted_then_replaced() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    assert_eq!(
        store.problem_session(&user.id, "two-sum").await.unwrap(),
        None
    );

    let mut session = ProblemSession {
        user_id: user.id.clone(),
        slug: "two-sum".to_owned(),
        language: "python".to_owned(),
        started_at: 10,
        elapsed_ms: 0,
        running_since: Some(10),
        stopped_at: None,
    };
    store.put_problem_session(&session).await.unwrap();
    assert_eq!(
        store.problem_session(&user.id, "two-sum").await.unwrap(),
        Some(session.clone())
    );

    session.language = "cpp".to_owned();
    session.elapsed_ms = 5_000;
    session.running_since = None;
    session.stopped_at = Some(5_010);
    store.put_problem_session(&session).await.unwrap();
    assert_eq!(
        store.problem_session(&user.id, "two-sum").await.unwrap(),
        Some(session)
    );
    assert_eq!(
        store.problem_session(&user.id, "other").await.unwrap(),
        None
    );
}

#[tokio::test]
async fn drafts_keep_the_newest_edit() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    let id = user.id.as_str();

    let first = draft(id, "python", "v1", 100, 1_000);
    assert_eq!(store.save_draft(&first).await.unwrap(), first);

    let newer = draft(id, "python", "v2", 200, 1_001);
    assert_eq!(store.save_draft(&newer).await.unwrap(), newer);

    // An edit made offline before v2 arrives after it: v2 stays, and is what comes back.
    let late = draft(id, "python", "offline", 150, 1_002);
    assert_eq!(store.save_draft(&late).await.unwrap(), newer);
    assert_eq!(store.drafts(id, "two-sum").await.unwrap(), vec![newer]);

    // Same client time: the incoming one wins.
    let tie = draft(id, "python", "v2 again", 200, 1_003);
    assert_eq!(store.save_draft(&tie).await.unwrap(), tie);
    assert_eq!(store.drafts(id, "two-sum").await.unwrap(), vec![tie]);
}

#[tokio::test]
async fn drafts_are_one_per_language_and_per_problem() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    let other = store.create_guest(1).await.unwrap();
    let id = user.id.as_str();

    let py = draft(id, "python", "print()", 5, 5);
    let cpp = draft(id, "cpp", "int main(){}", 9, 9);
    store.save_draft(&py).await.unwrap();
    store.save_draft(&cpp).await.unwrap();
    // Another problem and another user do not show up.
    let mut elsewhere = draft(id, "python", "x", 1, 1);
    elsewhere.slug = "fizz-buzz".to_owned();
    store.save_draft(&elsewhere).await.unwrap();
    store
        .save_draft(&draft(&other.id, "python", "theirs", 50, 50))
        .await
        .unwrap();

    assert_eq!(store.drafts(id, "two-sum").await.unwrap(), vec![cpp, py]);
    assert_eq!(
        store.drafts(id, "fizz-buzz").await.unwrap(),
        vec![elsewhere]
    );
    assert!(store.drafts(id, "nothing").await.unwrap().is_empty());
}

#[tokio::test]
async fn runs_are_inserted_updated_and_read_back() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();

    let mut custom = run("r1", &user.id, "two-sum", RunKind::Custom, 10);
    custom.custom_input = Some("1 2\n".to_owned());
    store.insert_run(&custom).await.unwrap();
    assert_eq!(store.run("r1").await.unwrap(), Some(custom.clone()));
    assert_eq!(store.run("nope").await.unwrap(), None);

    let mut done = custom.clone();
    done.status = RunStatus::Done;
    done.verdict = Some("wrong_answer".to_owned());
    done.passed = 3;
    done.total = 5;
    done.report = Some(serde_json::json!({"tests": [{"index": 1, "ok": true}], "score": 0.6}));
    done.started_at = Some(11);
    done.finished_at = Some(12);
    store.update_run(&done).await.unwrap();
    assert_eq!(store.run("r1").await.unwrap(), Some(done));
}

#[tokio::test]
async fn update_run_changes_only_the_mutable_fields() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    let original = run("r1", &user.id, "two-sum", RunKind::Run, 10);
    store.insert_run(&original).await.unwrap();

    let mut changed = finished(original.clone(), "accepted");
    changed.code = "something else".to_owned();
    changed.language = "cpp".to_owned();
    store.update_run(&changed).await.unwrap();

    let stored = store.run("r1").await.unwrap().unwrap();
    assert_eq!(stored.code, original.code);
    assert_eq!(stored.language, original.language);
    assert_eq!(stored.status, RunStatus::Done);
    assert_eq!(stored.verdict.as_deref(), Some("accepted"));
}

#[tokio::test]
async fn updating_an_unknown_run_is_not_found() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    let err = store
        .update_run(&run("ghost", &user.id, "two-sum", RunKind::Run, 1))
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound { what: "run" }),
        "{err:?}"
    );
}

#[tokio::test]
async fn inserting_a_run_twice_fails() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    let record = run("r1", &user.id, "two-sum", RunKind::Run, 1);
    store.insert_run(&record).await.unwrap();
    assert!(store.insert_run(&record).await.is_err());
}

#[tokio::test]
async fn runs_for_is_newest_first_filtered_and_limited() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let me = store.create_guest(1).await.unwrap();
    let other = store.create_guest(1).await.unwrap();
    let me = me.id.as_str();

    // Inserted out of time order; r4 and r5 share a millisecond (later insert comes first).
    for record in [
        run("r2", me, "two-sum", RunKind::Submit, 20),
        run("r1", me, "two-sum", RunKind::Run, 10),
        run("r3", me, "two-sum", RunKind::Custom, 30),
        run("r4", me, "two-sum", RunKind::Run, 40),
        run("r5", me, "two-sum", RunKind::Submit, 40),
        run("x1", me, "fizz-buzz", RunKind::Run, 50),
        run("o1", &other.id, "two-sum", RunKind::Run, 60),
    ] {
        store.insert_run(&record).await.unwrap();
    }

    let all = [RunKind::Run, RunKind::Submit, RunKind::Custom];
    let found = store.runs_for(me, "two-sum", &all, 100).await.unwrap();
    assert_eq!(ids(&found), ["r5", "r4", "r3", "r2", "r1"]);
    assert_eq!(found[2], run("r3", me, "two-sum", RunKind::Custom, 30));

    let history = [RunKind::Run, RunKind::Submit];
    let found = store.runs_for(me, "two-sum", &history, 100).await.unwrap();
    assert_eq!(ids(&found), ["r5", "r4", "r2", "r1"]);

    let found = store
        .runs_for(me, "two-sum", &[RunKind::Submit], 100)
        .await
        .unwrap();
    assert_eq!(ids(&found), ["r5", "r2"]);

    let found = store.runs_for(me, "two-sum", &all, 2).await.unwrap();
    assert_eq!(ids(&found), ["r5", "r4"]);

    assert!(
        store
            .runs_for(me, "two-sum", &all, 0)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .runs_for(me, "two-sum", &[], 10)
            .await
            .unwrap()
            .is_empty()
    );

    let theirs = store
        .runs_for(&other.id, "two-sum", &all, 100)
        .await
        .unwrap();
    assert_eq!(ids(&theirs), ["o1"]);
}

#[tokio::test]
async fn reveals_keep_the_first_time_in_order() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    let other = store.create_guest(1).await.unwrap();
    let id = user.id.as_str();

    let hint1 = reveal(id, RevealKind::Hint, 1, 100);
    let hint2 = reveal(id, RevealKind::Hint, 2, 200);
    let solution = reveal(id, RevealKind::Solution, 0, 300);
    store.record_reveal(&hint2).await.unwrap();
    store.record_reveal(&hint1).await.unwrap();
    store.record_reveal(&solution).await.unwrap();
    // Revealed again later: the first time stays.
    store
        .record_reveal(&reveal(id, RevealKind::Hint, 1, 999))
        .await
        .unwrap();
    store
        .record_reveal(&reveal(&other.id, RevealKind::Hint, 1, 50))
        .await
        .unwrap();

    assert_eq!(
        store.reveals(id, "two-sum").await.unwrap(),
        vec![hint1, hint2, solution]
    );
    assert!(store.reveals(id, "fizz-buzz").await.unwrap().is_empty());
}

#[tokio::test]
async fn statuses_are_solved_only_by_an_accepted_submission() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let me = store.create_guest(1).await.unwrap();
    let other = store.create_guest(1).await.unwrap();
    let me = me.id.as_str();

    for record in [
        // Solved: one accepted submission among failures.
        finished(run("a1", me, "alpha", RunKind::Submit, 1), "wrong_answer"),
        finished(run("a2", me, "alpha", RunKind::Submit, 2), "accepted"),
        finished(run("a3", me, "alpha", RunKind::Run, 3), "wrong_answer"),
        // Accepted public tests are not a solve.
        finished(run("b1", me, "beta", RunKind::Run, 1), "accepted"),
        // A custom run still in the queue is an attempt.
        run("c1", me, "gamma", RunKind::Custom, 1),
        // A submission not judged yet is an attempt.
        run("d1", me, "delta", RunKind::Submit, 1),
        // Someone else's solve is not mine.
        finished(
            run("o1", &other.id, "epsilon", RunKind::Submit, 1),
            "accepted",
        ),
    ] {
        store.insert_run(&record).await.unwrap();
    }

    let statuses = store.problem_statuses(me).await.unwrap();
    assert_eq!(
        statuses,
        vec![
            ("alpha".to_owned(), ProblemStatus::Solved),
            ("beta".to_owned(), ProblemStatus::Attempted),
            ("delta".to_owned(), ProblemStatus::Attempted),
            ("gamma".to_owned(), ProblemStatus::Attempted),
        ]
    );
    let fresh = store.create_guest(1).await.unwrap();
    assert!(store.problem_statuses(&fresh.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn unfinished_runs_are_failed_at_start_up() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    let id = user.id.as_str();

    let queued = run("q", id, "two-sum", RunKind::Run, 1);
    let mut running = run("r", id, "two-sum", RunKind::Submit, 2);
    running.status = RunStatus::Running;
    running.started_at = Some(3);
    let done = finished(run("d", id, "two-sum", RunKind::Run, 4), "accepted");
    let mut cancelled = run("c", id, "two-sum", RunKind::Run, 5);
    cancelled.status = RunStatus::Cancelled;
    for record in [&queued, &running, &done, &cancelled] {
        store.insert_run(record).await.unwrap();
    }

    let count = store
        .fail_unfinished_runs(1_000, "the server restarted")
        .await
        .unwrap();
    assert_eq!(count, 2);

    for (id, started_at) in [("q", None), ("r", Some(3))] {
        let failed = store.run(id).await.unwrap().unwrap();
        assert_eq!(failed.status, RunStatus::Failed);
        assert_eq!(failed.finished_at, Some(1_000));
        assert_eq!(failed.started_at, started_at);
        assert_eq!(
            failed.report,
            Some(serde_json::json!({"message": "the server restarted"}))
        );
    }
    assert_eq!(store.run("d").await.unwrap(), Some(done));
    assert_eq!(store.run("c").await.unwrap(), Some(cancelled));
    assert_eq!(store.fail_unfinished_runs(2_000, "again").await.unwrap(), 0);
}

#[tokio::test]
async fn data_survives_reopening_the_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("nested").join("deeper").join("tandem.db");
    let hash = [3u8; 32];
    let (user, saved, record) = {
        let store = SqliteStore::open(&path).await.unwrap();
        let user = store.create_guest(1).await.unwrap();
        store
            .create_web_session(&user.id, &hash, 1, 100)
            .await
            .unwrap();
        let saved = store
            .save_draft(&draft(&user.id, "python", "keep me", 5, 6))
            .await
            .unwrap();
        let record = finished(
            run("r1", &user.id, "two-sum", RunKind::Submit, 7),
            "accepted",
        );
        store.insert_run(&record).await.unwrap();
        store.close().await;
        (user, saved, record)
    };
    assert!(path.is_file(), "open creates the file and its directories");

    let store = SqliteStore::open(&path).await.unwrap();
    assert_eq!(
        store.user_by_session(&hash, 50).await.unwrap(),
        Some(user.clone())
    );
    assert_eq!(
        store.drafts(&user.id, "two-sum").await.unwrap(),
        vec![saved]
    );
    assert_eq!(store.run("r1").await.unwrap(), Some(record));
}

#[tokio::test]
async fn the_file_is_in_wal_mode_with_foreign_keys_on() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let mut conn = raw(&db_path(&dir)).await;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    // Enforced through the store's own connections:
    let orphan = draft("no-such-user", "python", "", 1, 1);
    assert!(store.save_draft(&orphan).await.is_err());
}

#[tokio::test]
async fn deleting_a_user_deletes_all_their_data() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let gone = store.create_guest(1).await.unwrap();
    let kept = store.create_guest(1).await.unwrap();
    for user in [&gone, &kept] {
        let id = user.id.as_str();
        let hash = id.as_bytes();
        store.create_web_session(id, hash, 1, 100).await.unwrap();
        store
            .put_problem_session(&ProblemSession {
                user_id: id.to_owned(),
                slug: "two-sum".to_owned(),
                language: "python".to_owned(),
                started_at: 1,
                elapsed_ms: 0,
                running_since: None,
                stopped_at: None,
            })
            .await
            .unwrap();
        store
            .save_draft(&draft(id, "python", "x", 1, 1))
            .await
            .unwrap();
        store
            .insert_run(&run(&format!("run-{id}"), id, "two-sum", RunKind::Run, 1))
            .await
            .unwrap();
        store
            .record_reveal(&reveal(id, RevealKind::Hint, 1, 1))
            .await
            .unwrap();
    }

    let mut conn = raw(&db_path(&dir)).await;
    sqlx::query("DELETE FROM users WHERE id = ?")
        .bind(&gone.id)
        .execute(&mut conn)
        .await
        .unwrap();
    for table in [
        "web_sessions",
        "problem_sessions",
        "drafts",
        "runs",
        "reveals",
    ] {
        let owners: Vec<String> = sqlx::query_scalar(&format!("SELECT user_id FROM {table}"))
            .fetch_all(&mut conn)
            .await
            .unwrap();
        assert_eq!(owners, vec![kept.id.clone()], "{table}");
    }
    assert_eq!(
        store.user_by_session(gone.id.as_bytes(), 2).await.unwrap(),
        None
    );
}

#[tokio::test]
async fn undecodable_rows_are_reported_as_corrupt() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    store
        .insert_run(&run("bad-kind", &user.id, "two-sum", RunKind::Run, 1))
        .await
        .unwrap();
    store
        .insert_run(&run("bad-report", &user.id, "two-sum", RunKind::Run, 2))
        .await
        .unwrap();
    store
        .insert_run(&run("bad-passed", &user.id, "two-sum", RunKind::Run, 3))
        .await
        .unwrap();

    let mut conn = raw(&db_path(&dir)).await;
    // Damage the file the way a bug or a hand edit could, past the CHECK constraints.
    for sql in [
        "PRAGMA ignore_check_constraints = ON",
        "UPDATE runs SET kind = 'telepathy' WHERE id = 'bad-kind'",
        "UPDATE runs SET report = '{not json' WHERE id = 'bad-report'",
        "UPDATE runs SET passed = -1 WHERE id = 'bad-passed'",
        "UPDATE users SET kind = 'robot'",
    ] {
        sqlx::query(sql).execute(&mut conn).await.unwrap();
    }

    let corrupt = |result: Result<_, StoreError>| match result {
        Err(StoreError::Corrupt(message)) => message,
        other => panic!("expected corrupt, got {other:?}"),
    };
    let message = corrupt(store.run("bad-kind").await.map(|_| ()));
    assert!(
        message.contains("runs.kind") && message.contains("telepathy"),
        "{message}"
    );
    let message = corrupt(store.run("bad-report").await.map(|_| ()));
    assert!(message.contains("runs.report"), "{message}");
    let message = corrupt(store.run("bad-passed").await.map(|_| ()));
    assert!(message.contains("runs.passed"), "{message}");
    let message = corrupt(
        store
            .runs_for(&user.id, "two-sum", &[RunKind::Run], 10)
            .await
            .map(|_| ()),
    );
    assert!(message.starts_with("runs."), "{message}");

    let hash = [9u8; 32];
    store
        .create_web_session(&user.id, &hash, 1, 100)
        .await
        .unwrap();
    let message = corrupt(store.user_by_session(&hash, 2).await.map(|_| ()));
    assert!(message.contains("users.kind"), "{message}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn fifty_concurrent_writers_all_succeed() {
    let dir = TempDir::new().unwrap();
    let store = Arc::new(open(&dir).await);
    let user = store.create_guest(1).await.unwrap();

    let mut tasks = Vec::new();
    for i in 0..50i64 {
        let store = Arc::clone(&store);
        let user = user.id.clone();
        tasks.push(tokio::spawn(async move {
            let language = format!("lang{}", i % 5);
            store
                .save_draft(&draft(&user, &language, &format!("edit {i}"), i, i))
                .await?;
            store
                .insert_run(&run(&format!("run{i}"), &user, "two-sum", RunKind::Run, i))
                .await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }

    let all = store
        .runs_for(&user.id, "two-sum", &[RunKind::Run], 1_000)
        .await
        .unwrap();
    assert_eq!(all.len(), 50);
    // Whatever order the saves landed in, each language keeps its newest edit.
    let drafts = store.drafts(&user.id, "two-sum").await.unwrap();
    assert_eq!(drafts.len(), 5);
    for stored in drafts {
        let lane: i64 = stored.language["lang".len()..].parse().unwrap();
        assert_eq!(stored.client_updated_at, 45 + lane);
        assert_eq!(stored.code, format!("edit {}", 45 + lane));
    }
}

#[tokio::test]
async fn ping_answers() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    store.ping().await.unwrap();
    store.close().await;
    assert!(store.ping().await.is_err(), "a closed pool does not answer");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn in_memory_store_is_one_shared_database() {
    let store = Arc::new(SqliteStore::open_in_memory().await.unwrap());
    let user = store.create_guest(1).await.unwrap();
    let mut tasks = Vec::new();
    for i in 0..20 {
        let store = Arc::clone(&store);
        let user = user.id.clone();
        tasks.push(tokio::spawn(async move {
            store
                .insert_run(&run(&format!("m{i}"), &user, "two-sum", RunKind::Submit, i))
                .await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    let found = store
        .runs_for(&user.id, "two-sum", &[RunKind::Submit], 100)
        .await
        .unwrap();
    assert_eq!(found.len(), 20);
    assert_eq!(found[0].id, "m19");

    // Two in-memory stores do not share data.
    let other = SqliteStore::open_in_memory().await.unwrap();
    assert_eq!(other.run("m0").await.unwrap(), None);
}

#[tokio::test]
async fn a_deleted_run_is_gone_and_deleting_twice_is_fine() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    store
        .insert_run(&run("r1", &user.id, "two-sum", RunKind::Run, 1))
        .await
        .unwrap();
    store
        .insert_run(&run("r2", &user.id, "two-sum", RunKind::Run, 2))
        .await
        .unwrap();
    store.delete_run("r1").await.unwrap();
    store.delete_run("r1").await.unwrap();
    assert_eq!(store.run("r1").await.unwrap(), None);
    assert!(store.run("r2").await.unwrap().is_some());
}
