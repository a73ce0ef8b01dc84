//! OpenID Connect data in the SQLite store: pending logins are taken once, identities belong
//! to one account, the last way to sign in cannot be unlinked, export and delete cover them.

#![allow(clippy::unwrap_used)]

use tandem_store::{NewAccount, OidcIdentity, OidcPending, SqliteStore, Store, StoreError};

fn pending(user_id: &str, state: u8) -> OidcPending {
    OidcPending {
        state_hash: vec![state; 32],
        provider: "idp".into(),
        user_id: user_id.into(),
        nonce: "n".into(),
        pkce_verifier: "v".into(),
        redirect_uri: "http://127.0.0.1/api/auth/oidc/idp/callback".into(),
        link: false,
        created_at: 1,
        expires_at: 100,
    }
}

fn identity(user_id: &str, provider: &str, subject: &str) -> OidcIdentity {
    OidcIdentity {
        user_id: user_id.into(),
        provider: provider.into(),
        subject: subject.into(),
        email: None,
        created_at: 5,
    }
}

fn account(name: &str, password: bool) -> NewAccount {
    NewAccount {
        username: name.into(),
        email: None,
        password_hash: password.then(|| "$argon2id$fake".to_string()),
        email_verified: false,
    }
}

#[tokio::test]
async fn a_pending_login_is_taken_once_and_expired_ones_are_cleaned() {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let guest = store.create_guest(1).await.unwrap();
    store
        .insert_oidc_pending(&pending(&guest.id, 1))
        .await
        .unwrap();
    store
        .insert_oidc_pending(&pending(&guest.id, 2))
        .await
        .unwrap();
    let taken = store.take_oidc_pending(&[1; 32]).await.unwrap().unwrap();
    assert_eq!(taken, pending(&guest.id, 1));
    assert!(store.take_oidc_pending(&[1; 32]).await.unwrap().is_none());
    assert_eq!(store.delete_expired_oidc_pending(100).await.unwrap(), 1);
    assert!(store.take_oidc_pending(&[2; 32]).await.unwrap().is_none());
}

#[tokio::test]
async fn identities_belong_to_one_account_and_the_last_way_stays() {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let guest = store.create_guest(1).await.unwrap();
    let alice = store
        .convert_guest_with_identity(
            &guest.id,
            &account("alice", false),
            &identity("", "idp", "s1"),
        )
        .await
        .unwrap();
    assert_eq!(alice.id, guest.id);
    assert_eq!(
        store
            .user_by_identity("idp", "s1")
            .await
            .unwrap()
            .unwrap()
            .id,
        alice.id
    );
    let other = store.create_guest(2).await.unwrap();
    let bob = store
        .convert_guest(&other.id, &account("bob", true))
        .await
        .unwrap();
    let err = store
        .link_identity(&identity(&bob.id, "idp", "s1"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Taken { .. }), "{err:?}");
    // A second identity at the same provider is refused; the same one again is fine.
    store
        .link_identity(&identity(&alice.id, "idp", "s1"))
        .await
        .unwrap();
    let err = store
        .link_identity(&identity(&alice.id, "idp", "s2"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::WrongState(_)), "{err:?}");
    // Alice has no password: her only identity cannot go until she has another.
    let err = store.unlink_identity(&alice.id, "idp").await.unwrap_err();
    assert!(matches!(err, StoreError::WrongState(_)), "{err:?}");
    store
        .link_identity(&identity(&alice.id, "other", "x"))
        .await
        .unwrap();
    store.unlink_identity(&alice.id, "idp").await.unwrap();
    let err = store.unlink_identity(&alice.id, "idp").await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err:?}");
    // Bob has a password, so his only identity may go.
    store
        .link_identity(&identity(&bob.id, "idp", "s9"))
        .await
        .unwrap();
    store.unlink_identity(&bob.id, "idp").await.unwrap();
    let guest = store.create_guest(3).await.unwrap();
    let err = store
        .link_identity(&identity(&guest.id, "idp", "g"))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::WrongState(_)), "{err:?}");
}

#[tokio::test]
async fn export_lists_identities_and_delete_removes_them() {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let guest = store.create_guest(1).await.unwrap();
    let user = store
        .convert_guest_with_identity(
            &guest.id,
            &account("carol", false),
            &identity("", "idp", "c"),
        )
        .await
        .unwrap();
    store
        .insert_oidc_pending(&pending(&user.id, 7))
        .await
        .unwrap();
    let export = store.export_user(&user.id).await.unwrap();
    assert_eq!(export["identities"][0]["provider"], "idp");
    assert_eq!(export["identities"][0]["subject"], "c");
    store.delete_user(&user.id).await.unwrap();
    assert!(store.user_by_identity("idp", "c").await.unwrap().is_none());
    assert!(store.identities(&user.id).await.unwrap().is_empty());
    assert!(store.take_oidc_pending(&[7; 32]).await.unwrap().is_none());
}
