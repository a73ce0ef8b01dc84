//! Magic links and avatars in the SQLite store: a link is used once, even by racing
//! redemptions, and never after its expiry; accounts are found by email without case; avatars
//! belong to accounts only, carry their version onto the user, and go with the user.

#![allow(clippy::unwrap_used)]

use tandem_store::{Avatar, NewAccount, SqliteStore, Store, StoreError};
use tempfile::TempDir;

async fn open(dir: &TempDir) -> SqliteStore {
    SqliteStore::open(&dir.path().join("tandem.db"))
        .await
        .unwrap()
}

fn account(username: &str, email: &str) -> NewAccount {
    NewAccount {
        username: username.to_owned(),
        email: Some(email.to_owned()),
        password_hash: None,
        email_verified: true,
    }
}

fn avatar(byte: u8) -> Avatar {
    Avatar {
        png: vec![byte; 16],
        version: format!("v{byte}"),
        updated_at: i64::from(byte),
    }
}

#[tokio::test]
async fn a_link_is_redeemed_once_even_by_racing_requests() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir).await;
    let guest = store.create_guest(1).await.unwrap();
    store
        .create_magic_link(b"hash-1", "ada@example.org", &guest.id, 10, 1000)
        .await
        .unwrap();
    assert!(store.magic_link_usable(b"hash-1", 500).await.unwrap());
    assert!(!store.magic_link_usable(b"hash-2", 500).await.unwrap());

    let (a, b) = tokio::join!(
        store.consume_magic_link(b"hash-1", 500),
        store.consume_magic_link(b"hash-1", 500)
    );
    let won: Vec<_> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    assert_eq!(won.len(), 1, "exactly one redemption wins");
    assert_eq!(won[0].email, "ada@example.org");
    assert_eq!(won[0].requested_by, guest.id);
    assert!(!store.magic_link_usable(b"hash-1", 500).await.unwrap());
}

#[tokio::test]
async fn an_expired_link_is_refused_and_swept() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir).await;
    let guest = store.create_guest(1).await.unwrap();
    for hash in [b"old-1", b"old-2"] {
        store
            .create_magic_link(hash, "x@example.org", &guest.id, 10, 100)
            .await
            .unwrap();
    }
    assert!(!store.magic_link_usable(b"old-1", 100).await.unwrap());
    assert_eq!(store.consume_magic_link(b"old-1", 100).await.unwrap(), None);
    assert_eq!(store.delete_expired_magic_links(100).await.unwrap(), 1);
    assert_eq!(store.consume_magic_link(b"old-2", 50).await.unwrap(), None);
}

#[tokio::test]
async fn links_go_with_the_user_who_asked() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir).await;
    let guest = store.create_guest(1).await.unwrap();
    store
        .create_magic_link(b"hash", "x@example.org", &guest.id, 10, 1000)
        .await
        .unwrap();
    store.delete_user(&guest.id).await.unwrap();
    assert!(!store.magic_link_usable(b"hash", 500).await.unwrap());
}

#[tokio::test]
async fn accounts_are_found_by_email_without_case_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir).await;
    let first = store.create_guest(1).await.unwrap();
    let second = store.create_guest(2).await.unwrap();
    store
        .convert_guest(&first.id, &account("ada", "Ada@Example.org"))
        .await
        .unwrap();
    store
        .convert_guest(&second.id, &account("ada2", "ada@example.org"))
        .await
        .unwrap();
    let found = store.account_by_email("ADA@example.ORG").await.unwrap();
    assert_eq!(found.map(|u| u.id), Some(first.id));
    assert_eq!(
        store.account_by_email("nobody@example.org").await.unwrap(),
        None
    );
}

#[tokio::test]
async fn an_unverified_address_finds_no_account() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir).await;
    let guest = store.create_guest(1).await.unwrap();
    let unproven = NewAccount {
        email_verified: false,
        ..account("mallory", "victim@example.org")
    };
    store.convert_guest(&guest.id, &unproven).await.unwrap();
    assert_eq!(
        store.account_by_email("victim@example.org").await.unwrap(),
        None,
        "an address nobody proved must not draw the owner's mailed sign-in"
    );
}

#[tokio::test]
async fn avatars_belong_to_accounts_and_go_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir).await;
    let guest = store.create_guest(1).await.unwrap();
    let err = store.put_avatar(&guest.id, &avatar(1)).await.unwrap_err();
    assert!(matches!(err, StoreError::WrongState(_)), "{err:?}");
    let err = store.put_avatar("nobody", &avatar(1)).await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err:?}");

    let user = store
        .convert_guest(&guest.id, &account("pic", "pic@example.org"))
        .await
        .unwrap();
    assert_eq!(user.avatar_version, None);
    let user = store.put_avatar(&user.id, &avatar(1)).await.unwrap();
    assert_eq!(user.avatar_version.as_deref(), Some("v1"));
    let user = store.put_avatar(&user.id, &avatar(2)).await.unwrap();
    assert_eq!(user.avatar_version.as_deref(), Some("v2"));
    assert_eq!(store.avatar(&user.id).await.unwrap(), Some(avatar(2)));
    let export = store.export_user(&user.id).await.unwrap();
    assert_eq!(export["avatar"]["bytes"], 16);
    assert_eq!(export["user"]["avatar_version"], "v2");

    let user = store.delete_avatar(&user.id).await.unwrap();
    assert_eq!(user.avatar_version, None);
    assert_eq!(store.avatar(&user.id).await.unwrap(), None);
    assert_eq!(
        store.export_user(&user.id).await.unwrap()["avatar"],
        serde_json::Value::Null
    );

    store.put_avatar(&user.id, &avatar(3)).await.unwrap();
    store.delete_user(&user.id).await.unwrap();
    assert_eq!(store.avatar(&user.id).await.unwrap(), None);
}
