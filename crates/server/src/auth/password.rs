//! Password hashing with argon2id at OWASP's minimum parameters: 19 MiB of memory, 2 passes,
//! 1 lane (m=19456 KiB, t=2, p=1). That is argon2's own default too, so hashes need no custom
//! tuning to be verified elsewhere; the PHC string stores the parameters, so raising them later
//! only affects new hashes. Hashing takes tens of milliseconds of CPU, so it runs on the
//! blocking pool, at most one per core at a time (each hash holds 19 MiB).

use std::sync::LazyLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use thiserror::Error;
use tokio::sync::Semaphore;

#[derive(Debug, Error)]
pub enum PasswordError {
    #[error("cannot hash the password: {0}")]
    Hash(argon2::password_hash::Error),
    #[error("the stored password hash is unreadable: {0}")]
    Stored(argon2::password_hash::Error),
    #[error("the hashing task ended abnormally: {0}")]
    Task(#[from] tokio::task::JoinError),
    #[error("the hashing limiter is closed")]
    Closed(#[from] tokio::sync::AcquireError),
}

fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::DEFAULT)
}

/// Bounds concurrent hashes to the core count: more would only queue inside the CPU while
/// holding 19 MiB each.
static HASHING: LazyLock<Semaphore> =
    LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(1, |n| n.get())));

/// A hash of a random password, verified against when the username does not exist, so an
/// unknown user costs the same time as a wrong password (no user enumeration by timing).
static DUMMY: LazyLock<Option<String>> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(salt.as_str().as_bytes(), &salt)
        .ok()
        .map(|hash| hash.to_string())
});

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) of `password`.
pub async fn hash(password: String) -> Result<String, PasswordError> {
    let _permit = HASHING.acquire().await?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(PasswordError::Hash)
    })
    .await?
}

/// Whether `password` matches `stored`. With no stored hash (no such user) a dummy hash is
/// verified anyway and the answer is false.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, PasswordError> {
    let _permit = HASHING.acquire().await?;
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let Some(phc) = stored.or_else(|| DUMMY.clone()) else {
            return Ok(false);
        };
        let parsed = PasswordHash::new(&phc).map_err(PasswordError::Stored)?;
        let matches = argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    })
    .await?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_at_owasp_parameters_and_verify() {
        let phc = hash("correct horse".into()).await.expect("hash");
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(
            verify("correct horse".into(), Some(phc.clone()))
                .await
                .expect("verify")
        );
        assert!(
            !verify("wrong horse".into(), Some(phc.clone()))
                .await
                .expect("verify")
        );
        let other = hash("correct horse".into()).await.expect("hash");
        assert_ne!(phc, other, "a fresh salt each time");
    }

    #[tokio::test]
    async fn an_unknown_user_is_never_verified() {
        assert!(!verify("anything".into(), None).await.expect("verify"));
        assert!(
            DUMMY.is_some(),
            "the dummy hash exists, so the timing matches"
        );
    }

    #[tokio::test]
    async fn a_corrupt_stored_hash_is_an_error_not_a_match() {
        let err = verify("x".into(), Some("not a hash".into())).await;
        assert!(matches!(err, Err(PasswordError::Stored(_))), "{err:?}");
    }
}
