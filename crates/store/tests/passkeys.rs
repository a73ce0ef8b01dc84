//! Passkeys and WebAuthn ceremonies in the SQLite store: sign-up with a passkey in one
//! transaction, unique credentials, the last way to sign in kept, ceremonies taken once, bounded
//! and expiring, and everything gone with its user.

#![allow(clippy::unwrap_used)]

use tandem_store::{
    Ceremony, CeremonyKind, NewAccount, PasskeyRecord, SqliteStore, Store, StoreError, UserKind,
};

fn account(username: &str, password: bool) -> NewAccount {
    NewAccount {
        username: username.to_owned(),
        email: None,
        password_hash: password.then(|| "$argon2id$fake".to_owned()),
        email_verified: false,
    }
}

fn passkey(id: &str, user: &str, credential: &[u8]) -> PasskeyRecord {
    PasskeyRecord {
        id: id.to_owned(),
        user_id: user.to_owned(),
        credential_id: credential.to_vec(),
        passkey: format!("{{\"cred\":\"{id}\"}}"),
        name: format!("key {id}"),
        created_at: 10,
        last_used_at: None,
    }
}

fn ceremony(id: &str, user: &str, kind: CeremonyKind, created_at: i64) -> Ceremony {
    Ceremony {
        id: id.to_owned(),
        user_id: user.to_owned(),
        kind,
        state: format!("{{\"state\":\"{id}\"}}"),
        created_at,
        expires_at: created_at + 300_000,
    }
}

#[tokio::test]
async fn passkey_sign_up_is_one_transaction() {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let taken = store.create_guest(1).await.unwrap();
    store
        .convert_guest(&taken.id, &account("alice", true))
        .await
        .unwrap();

    let guest = store.create_guest(2).await.unwrap();
    let err = store
        .convert_guest_with_passkey(
            &guest.id,
            &account("ALICE", false),
            &passkey("p1", &guest.id, b"c1"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Taken {
                what: "the username"
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        store.user(&guest.id).await.unwrap().unwrap().kind,
        UserKind::Guest
    );
    assert!(
        store.passkeys(&guest.id).await.unwrap().is_empty(),
        "rolled back"
    );

    let user = store
        .convert_guest_with_passkey(
            &guest.id,
            &account("bob", false),
            &passkey("p1", &guest.id, b"c1"),
        )
        .await
        .unwrap();
    assert_eq!(user.kind, UserKind::Account);
    assert_eq!(store.passkeys(&guest.id).await.unwrap().len(), 1);
    let found = store.passkey_by_credential(b"c1").await.unwrap().unwrap();
    assert_eq!(found.user_id, guest.id);

    // One credential, one account.
    let other = store.create_guest(3).await.unwrap();
    let err = store
        .convert_guest_with_passkey(
            &other.id,
            &account("carol", false),
            &passkey("p2", &other.id, b"c1"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Taken {
                what: "the passkey"
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        store.user(&other.id).await.unwrap().unwrap().kind,
        UserKind::Guest
    );
    let err = store
        .add_passkey(&passkey("p3", &guest.id, b"c1"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Taken { .. }), "{err:?}");
}

#[tokio::test]
async fn the_last_way_to_sign_in_is_kept() {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let guest = store.create_guest(1).await.unwrap();
    let id = guest.id.clone();
    store
        .convert_guest_with_passkey(&id, &account("alice", false), &passkey("p1", &id, b"c1"))
        .await
        .unwrap();
    let err = store.delete_passkey(&id, "p1").await.unwrap_err();
    assert!(matches!(err, StoreError::WrongState(_)), "{err:?}");
    store.add_passkey(&passkey("p2", &id, b"c2")).await.unwrap();
    store.delete_passkey(&id, "p1").await.unwrap();
    assert!(matches!(
        store.delete_passkey(&id, "p2").await.unwrap_err(),
        StoreError::WrongState(_)
    ));

    // Someone else's passkey is not found, for renaming and removing alike.
    let other = store.create_guest(2).await.unwrap();
    store
        .convert_guest(&other.id, &account("bob", true))
        .await
        .unwrap();
    assert!(matches!(
        store.delete_passkey(&other.id, "p2").await.unwrap_err(),
        StoreError::NotFound { .. }
    ));
    assert!(matches!(
        store
            .rename_passkey(&other.id, "p2", "mine")
            .await
            .unwrap_err(),
        StoreError::NotFound { .. }
    ));
    // With a password, the only passkey may go.
    store
        .add_passkey(&passkey("p3", &other.id, b"c3"))
        .await
        .unwrap();
    store.delete_passkey(&other.id, "p3").await.unwrap();

    let renamed = store.rename_passkey(&id, "p2", "Phone").await.unwrap();
    assert_eq!(renamed.name, "Phone");
    store
        .record_passkey_use(&renamed.id, "{\"new\":1}", 99)
        .await
        .unwrap();
    let used = store.passkey_by_credential(b"c2").await.unwrap().unwrap();
    assert_eq!(used.last_used_at, Some(99));
    assert_eq!(used.passkey, "{\"new\":1}");

    // The export names them without key material; deleting the user removes them.
    let export = store.export_user(&id).await.unwrap();
    assert_eq!(export["passkeys"][0]["name"], "Phone");
    assert!(!export.to_string().contains("\"new\""));
    store.delete_user(&id).await.unwrap();
    assert!(store.passkey_by_credential(b"c2").await.unwrap().is_none());
}

#[tokio::test]
async fn ceremonies_are_taken_once_by_their_user_and_kind_before_they_expire() {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let a = store.create_guest(1).await.unwrap();
    let b = store.create_guest(1).await.unwrap();
    store
        .put_ceremony(&ceremony("c1", &a.id, CeremonyKind::Signup, 1000), 8)
        .await
        .unwrap();

    let take = |id: &'static str, user: String, kind, now| {
        let store = store.clone();
        async move { store.take_ceremony(id, &user, kind, now).await.unwrap() }
    };
    assert_eq!(
        take("c1", b.id.clone(), CeremonyKind::Signup, 2000).await,
        None,
        "another user"
    );
    assert_eq!(
        take("c1", a.id.clone(), CeremonyKind::Signin, 2000).await,
        None,
        "another kind"
    );
    assert_eq!(
        take("c1", a.id.clone(), CeremonyKind::Signup, 2000)
            .await
            .as_deref(),
        Some("{\"state\":\"c1\"}")
    );
    assert_eq!(
        take("c1", a.id.clone(), CeremonyKind::Signup, 2000).await,
        None,
        "taken once"
    );

    store
        .put_ceremony(&ceremony("c2", &a.id, CeremonyKind::Add, 1000), 8)
        .await
        .unwrap();
    assert_eq!(
        take("c2", a.id.clone(), CeremonyKind::Add, 301_000).await,
        None,
        "expired"
    );

    // Only the newest few per user are kept.
    for i in 0..5 {
        let id = format!("k{i}");
        store
            .put_ceremony(&ceremony(&id, &b.id, CeremonyKind::Signin, 5000 + i), 3)
            .await
            .unwrap();
    }
    assert_eq!(
        take("k0", b.id.clone(), CeremonyKind::Signin, 6000).await,
        None
    );
    assert_eq!(
        take("k1", b.id.clone(), CeremonyKind::Signin, 6000).await,
        None
    );
    assert!(
        take("k4", b.id.clone(), CeremonyKind::Signin, 6000)
            .await
            .is_some()
    );

    store
        .put_ceremony(&ceremony("c3", &a.id, CeremonyKind::Add, 7000), 8)
        .await
        .unwrap();
    assert_eq!(store.delete_expired_ceremonies(1_000_000).await.unwrap(), 3);
    store
        .put_ceremony(&ceremony("c4", &a.id, CeremonyKind::Add, 7000), 8)
        .await
        .unwrap();
    store.delete_user(&a.id).await.unwrap();
    assert_eq!(
        take("c4", a.id.clone(), CeremonyKind::Add, 7001).await,
        None,
        "gone with the user"
    );
}
