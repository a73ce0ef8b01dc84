//! The schema's own promise, checked on a freshly migrated database: every table hangs off
//! `users` through `ON DELETE CASCADE` (directly or through tables that do), so deleting a user
//! deletes every row of theirs, whatever table a later feature adds.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::Connection;
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use tandem_store::SqliteStore;

#[tokio::test]
async fn every_table_cascades_from_users() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tandem.db");
    drop(SqliteStore::open(&path).await.expect("migrate"));
    let mut conn = SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(&path))
        .await
        .expect("open");
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await
    .expect("tables");
    assert!(tables.len() >= 10, "only {tables:?}");

    // table → the tables it cascades from
    let mut parents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for table in &tables {
        let keys = sqlx::query("SELECT \"table\", on_delete FROM pragma_foreign_key_list(?)")
            .bind(table)
            .fetch_all(&mut conn)
            .await
            .expect("foreign keys");
        let cascading = keys
            .iter()
            .filter(|key| key.get::<String, _>("on_delete") == "CASCADE")
            .map(|key| key.get::<String, _>("table"))
            .collect();
        parents.insert(table.clone(), cascading);
    }
    let mut reached: BTreeSet<String> = BTreeSet::from(["users".to_string()]);
    loop {
        let before = reached.len();
        for (table, from) in &parents {
            if from.iter().any(|parent| reached.contains(parent)) {
                reached.insert(table.clone());
            }
        }
        if reached.len() == before {
            break;
        }
    }
    let orphans: Vec<&String> = tables.iter().filter(|t| !reached.contains(*t)).collect();
    assert!(
        orphans.is_empty(),
        "tables whose rows would outlive their user: {orphans:?}"
    );
}
