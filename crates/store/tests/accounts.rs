//! Accounts in the SQLite store: sign-up in place, merging a guest on sign-in, sessions,
//! deletion with every row, export, roles, profiles and paging.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use tandem_store::{
    Draft, NewAccount, ProblemSession, Reveal, RevealKind, Role, RunKind, RunRecord, RunStatus,
    SqliteStore, Store, StoreError, UserKind,
};
use tempfile::TempDir;

async fn open(dir: &TempDir) -> SqliteStore {
    SqliteStore::open(&dir.path().join("tandem.db"))
        .await
        .unwrap()
}

fn new_account(username: &str) -> NewAccount {
    NewAccount {
        username: username.to_owned(),
        email: Some(format!("{username}@example.org")),
        password_hash: Some(format!("$argon2id$fake${username}")),
        email_verified: false,
    }
}

fn draft(user: &str, slug: &str, code: &str, client_updated_at: i64) -> Draft {
    Draft {
        user_id: user.to_owned(),
        slug: slug.to_owned(),
        language: "python".to_owned(),
        code: code.to_owned(),
        client_updated_at,
        saved_at: client_updated_at + 1,
    }
}

fn run(id: &str, user: &str) -> RunRecord {
    RunRecord {
        id: id.to_owned(),
        user_id: user.to_owned(),
        slug: "two-sum".to_owned(),
        language: "python".to_owned(),
        kind: RunKind::Run,
        code: "print(1)".to_owned(),
        custom_input: None,
        status: RunStatus::Queued,
        verdict: None,
        passed: 0,
        total: 0,
        report: None,
        created_at: 10,
        started_at: None,
        finished_at: None,
    }
}

fn reveal(user: &str, tier: u32, at: i64) -> Reveal {
    Reveal {
        user_id: user.to_owned(),
        slug: "two-sum".to_owned(),
        kind: RevealKind::Hint,
        tier,
        at,
    }
}

fn session(user: &str, slug: &str, language: &str) -> ProblemSession {
    ProblemSession {
        user_id: user.to_owned(),
        slug: slug.to_owned(),
        language: language.to_owned(),
        started_at: 1,
        elapsed_ms: 0,
        running_since: Some(1),
        stopped_at: None,
    }
}

async fn count(path: &Path, table: &str, user_id: &str) -> i64 {
    let mut conn = SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(path))
        .await
        .unwrap();
    let column = if table == "users" { "id" } else { "user_id" };
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE {column} = ?"))
        .bind(user_id)
        .fetch_one(&mut conn)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_guest_signs_up_in_place_and_keeps_its_rows() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let guest = store.create_guest(1).await.unwrap();
    store
        .save_draft(&draft(&guest.id, "two-sum", "x = 1", 5))
        .await
        .unwrap();
    store.insert_run(&run("r1", &guest.id)).await.unwrap();

    let user = store
        .convert_guest(&guest.id, &new_account("alice"))
        .await
        .unwrap();
    assert_eq!(user.id, guest.id);
    assert_eq!(user.kind, UserKind::Account);
    assert_eq!(user.username.as_deref(), Some("alice"));
    assert_eq!(user.role, Role::Learner);
    assert_eq!(store.drafts(&user.id, "two-sum").await.unwrap().len(), 1);
    assert_eq!(store.run("r1").await.unwrap().unwrap().user_id, user.id);

    let found = store.account_by_username("ALICE").await.unwrap().unwrap();
    assert_eq!(found.user.id, user.id);
    assert_eq!(found.password_hash.as_deref(), Some("$argon2id$fake$alice"));
    assert!(store.account_by_username("bob").await.unwrap().is_none());

    let again = store.convert_guest(&guest.id, &new_account("alice2")).await;
    assert!(matches!(again, Err(StoreError::WrongState(_))), "{again:?}");
    let missing = store.convert_guest("nobody", &new_account("carol")).await;
    assert!(
        matches!(missing, Err(StoreError::NotFound { .. })),
        "{missing:?}"
    );
}

#[tokio::test]
async fn usernames_are_unique_whatever_their_case() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let first = store.create_guest(1).await.unwrap();
    store
        .convert_guest(&first.id, &new_account("alice"))
        .await
        .unwrap();
    let second = store.create_guest(2).await.unwrap();
    let taken = store.convert_guest(&second.id, &new_account("Alice")).await;
    assert!(matches!(taken, Err(StoreError::Taken { .. })), "{taken:?}");
    // The refused guest is still a guest.
    let still = store.user(&second.id).await.unwrap().unwrap();
    assert_eq!(still.kind, UserKind::Guest);
    assert!(store.account_by_username(" alice").await.unwrap().is_none());
}

#[tokio::test]
async fn merging_a_guest_keeps_the_newer_draft_and_moves_runs_reveals_and_sessions() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let account = store.create_guest(1).await.unwrap();
    store
        .convert_guest(&account.id, &new_account("alice"))
        .await
        .unwrap();
    let guest = store.create_guest(2).await.unwrap();

    // two-sum: the guest's draft is newer; three-sum: the account's is newer; four-sum: only
    // the guest has one.
    store
        .save_draft(&draft(&account.id, "two-sum", "old account", 10))
        .await
        .unwrap();
    store
        .save_draft(&draft(&guest.id, "two-sum", "new guest", 20))
        .await
        .unwrap();
    store
        .save_draft(&draft(&account.id, "three-sum", "new account", 30))
        .await
        .unwrap();
    store
        .save_draft(&draft(&guest.id, "three-sum", "old guest", 5))
        .await
        .unwrap();
    store
        .save_draft(&draft(&guest.id, "four-sum", "only guest", 7))
        .await
        .unwrap();
    store
        .insert_run(&run("guest-run", &guest.id))
        .await
        .unwrap();
    store
        .record_reveal(&reveal(&account.id, 1, 50))
        .await
        .unwrap();
    store
        .record_reveal(&reveal(&guest.id, 1, 40))
        .await
        .unwrap();
    store
        .record_reveal(&reveal(&guest.id, 2, 60))
        .await
        .unwrap();
    store
        .put_problem_session(&session(&account.id, "two-sum", "cpp"))
        .await
        .unwrap();
    store
        .put_problem_session(&session(&guest.id, "two-sum", "python"))
        .await
        .unwrap();
    store
        .put_problem_session(&session(&guest.id, "four-sum", "go"))
        .await
        .unwrap();
    store
        .create_web_session(&guest.id, &[1; 32], 1, i64::MAX)
        .await
        .unwrap();

    store.merge_guest(&guest.id, &account.id).await.unwrap();

    let code = |slug: &'static str| {
        let store = store.clone();
        let id = account.id.clone();
        async move { store.drafts(&id, slug).await.unwrap()[0].code.clone() }
    };
    assert_eq!(code("two-sum").await, "new guest");
    assert_eq!(code("three-sum").await, "new account");
    assert_eq!(code("four-sum").await, "only guest");
    assert_eq!(
        store.run("guest-run").await.unwrap().unwrap().user_id,
        account.id
    );
    let reveals = store.reveals(&account.id, "two-sum").await.unwrap();
    assert_eq!(
        reveals.iter().map(|r| (r.tier, r.at)).collect::<Vec<_>>(),
        vec![(1, 40), (2, 60)],
        "the first time a hint was seen wins"
    );
    let kept = store
        .problem_session(&account.id, "two-sum")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.language, "cpp", "the account's own session wins");
    assert!(
        store
            .problem_session(&account.id, "four-sum")
            .await
            .unwrap()
            .is_some()
    );

    assert!(
        store.user(&guest.id).await.unwrap().is_none(),
        "the guest is gone"
    );
    assert!(store.user_by_session(&[1; 32], 2).await.unwrap().is_none());
    let path = dir.path().join("tandem.db");
    for table in [
        "drafts",
        "runs",
        "reveals",
        "problem_sessions",
        "web_sessions",
    ] {
        assert_eq!(count(&path, table, &guest.id).await, 0, "{table}");
    }

    let twice = store.merge_guest(&guest.id, &account.id).await;
    assert!(
        matches!(twice, Err(StoreError::NotFound { .. })),
        "{twice:?}"
    );
    let other = store.create_guest(3).await.unwrap();
    store
        .convert_guest(&other.id, &new_account("bob"))
        .await
        .unwrap();
    let account_into_account = store.merge_guest(&other.id, &account.id).await;
    assert!(matches!(
        account_into_account,
        Err(StoreError::WrongState(_))
    ));
    assert!(
        store.user(&other.id).await.unwrap().is_some(),
        "an account is never merged away"
    );
}

#[tokio::test]
async fn sessions_end_one_at_a_time_or_all_together() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let user = store.create_guest(1).await.unwrap();
    let other = store.create_guest(1).await.unwrap();
    for hash in [[1u8; 32], [2; 32], [3; 32]] {
        store
            .create_web_session(&user.id, &hash, 1, 1_000)
            .await
            .unwrap();
    }
    store
        .create_web_session(&other.id, &[4; 32], 1, 1_000)
        .await
        .unwrap();

    store.delete_web_session(&[1; 32]).await.unwrap();
    assert!(store.user_by_session(&[1; 32], 2).await.unwrap().is_none());
    assert!(store.user_by_session(&[2; 32], 2).await.unwrap().is_some());
    store.delete_web_session(&[9; 32]).await.unwrap();

    assert_eq!(store.delete_user_sessions(&user.id).await.unwrap(), 2);
    assert!(store.user_by_session(&[3; 32], 2).await.unwrap().is_none());
    assert!(
        store.user_by_session(&[4; 32], 2).await.unwrap().is_some(),
        "others stay"
    );
    // Expiry is checked on every look-up.
    assert!(
        store
            .user_by_session(&[4; 32], 1_000)
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn deleting_a_user_removes_every_row_and_nobody_elses() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let path = dir.path().join("tandem.db");
    let mut ids = Vec::new();
    for n in 0..2 {
        let user = store.create_guest(1).await.unwrap();
        store
            .save_draft(&draft(&user.id, "two-sum", "x", 1))
            .await
            .unwrap();
        store
            .insert_run(&run(&format!("run{n}"), &user.id))
            .await
            .unwrap();
        store.record_reveal(&reveal(&user.id, 1, 1)).await.unwrap();
        store
            .put_problem_session(&session(&user.id, "two-sum", "python"))
            .await
            .unwrap();
        store
            .create_web_session(&user.id, &[n; 32], 1, 9)
            .await
            .unwrap();
        ids.push(user.id);
    }
    store.delete_user(&ids[0]).await.unwrap();
    let tables = [
        "users",
        "drafts",
        "runs",
        "reveals",
        "problem_sessions",
        "web_sessions",
    ];
    for table in tables {
        assert_eq!(count(&path, table, &ids[0]).await, 0, "{table}");
        assert_eq!(
            count(&path, table, &ids[1]).await,
            1,
            "{table} of the other user"
        );
    }
    let again = store.delete_user(&ids[0]).await;
    assert!(matches!(again, Err(StoreError::NotFound { .. })));
}

#[tokio::test]
async fn an_export_holds_everything_of_the_user_and_nothing_else() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    let me = store.create_guest(1).await.unwrap();
    store
        .convert_guest(&me.id, &new_account("alice"))
        .await
        .unwrap();
    let other = store.create_guest(1).await.unwrap();
    store
        .save_draft(&draft(&me.id, "two-sum", "mine", 1))
        .await
        .unwrap();
    store
        .save_draft(&draft(&other.id, "two-sum", "theirs", 1))
        .await
        .unwrap();
    store.insert_run(&run("mine", &me.id)).await.unwrap();
    store.insert_run(&run("theirs", &other.id)).await.unwrap();
    store.record_reveal(&reveal(&me.id, 1, 3)).await.unwrap();
    store
        .put_problem_session(&session(&me.id, "two-sum", "python"))
        .await
        .unwrap();
    store
        .create_web_session(&me.id, &[5; 32], 1, 9)
        .await
        .unwrap();

    let export = store.export_user(&me.id).await.unwrap();
    assert_eq!(export["user"]["username"], "alice");
    assert_eq!(export["drafts"][0]["code"], "mine");
    assert_eq!(export["drafts"].as_array().unwrap().len(), 1);
    assert_eq!(export["runs"][0]["id"], "mine");
    assert_eq!(export["runs"].as_array().unwrap().len(), 1);
    assert_eq!(export["reveals"][0]["tier"], 1);
    assert_eq!(export["practice_sessions"][0]["slug"], "two-sum");
    assert_eq!(export["browser_sessions"][0]["expires_at"], 9);
    let text = export.to_string();
    assert!(!text.contains("theirs"), "{text}");
    assert!(!text.contains("argon2"), "never the password hash: {text}");
    assert!(!text.contains("token"), "never a token hash: {text}");
    assert!(matches!(
        store.export_user("nobody").await,
        Err(StoreError::NotFound { .. })
    ));
}

#[tokio::test]
async fn accounts_are_listed_by_page_and_get_roles_and_profiles() {
    let dir = TempDir::new().unwrap();
    let store = open(&dir).await;
    store.create_guest(0).await.unwrap();
    let mut ids = Vec::new();
    for n in 0..5 {
        let user = store.create_guest(n).await.unwrap();
        store
            .convert_guest(&user.id, &new_account(&format!("user{n}")))
            .await
            .unwrap();
        ids.push(user.id);
    }
    let page = store.list_users(0, 2).await.unwrap();
    assert_eq!(page.total, 5, "guests are not listed");
    let names = |page: &tandem_store::UserPage| {
        page.users
            .iter()
            .map(|u| u.username.clone().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&page), ["user0", "user1"]);
    assert_eq!(names(&store.list_users(4, 2).await.unwrap()), ["user4"]);
    assert!(store.list_users(10, 2).await.unwrap().users.is_empty());

    let admin = store.set_role(&ids[1], Role::Admin).await.unwrap();
    assert_eq!(admin.role, Role::Admin);
    assert_eq!(
        store.user(&ids[1]).await.unwrap().unwrap().role,
        Role::Admin
    );
    let guest = store.create_guest(9).await.unwrap();
    assert!(matches!(
        store.set_role(&guest.id, Role::Author).await,
        Err(StoreError::WrongState(_))
    ));
    assert!(matches!(
        store.set_role("nobody", Role::Author).await,
        Err(StoreError::NotFound { .. })
    ));

    let user = store
        .update_profile(&ids[0], "Ada", "Likes graphs.")
        .await
        .unwrap();
    assert_eq!(
        (user.display_name.as_str(), user.bio.as_str()),
        ("Ada", "Likes graphs.")
    );
    assert!(matches!(
        store.update_profile("nobody", "x", "y").await,
        Err(StoreError::NotFound { .. })
    ));
}
