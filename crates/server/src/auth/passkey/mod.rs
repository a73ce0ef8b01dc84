//! Passkeys (WebAuthn) with webauthn-rs: the relying party built from the config, and the
//! ceremonies' server-side state.
//!
//! A ceremony's state (the challenge and what the answer must match) is kept in the database
//! (`webauthn_ceremonies`), not in memory: it survives a restart and is shared by several
//! server processes on one database, costs no memory per abandoned ceremony, and goes with its
//! user on deletion. Each is bound to the browser's user that started it, expires after
//! `CEREMONY_SECONDS`, is taken (deleted) by the one finish that uses it, and at most
//! `CEREMONIES_PER_USER` are kept per user.

pub mod settings;

use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;
use tandem_store::{Ceremony, CeremonyKind};
use webauthn_rs::prelude::{Webauthn, WebauthnBuilder};

use crate::config::ConfigError;
use crate::error::ApiError;
use crate::state::AppState;
use crate::time::now_ms;
pub use settings::WebauthnSettings;

/// How long a started ceremony can be finished (also the browser's timeout).
pub const CEREMONY_SECONDS: u64 = 5 * 60;

/// Ceremonies kept per user: enough for a few tabs, and a bound on what one user can store.
pub const CEREMONIES_PER_USER: u32 = 8;

/// The largest credential (the browser's answer) a finish accepts, as JSON. Answers with
/// attestation "none" are well under 2 KiB; this leaves room for long extension outputs.
pub const CREDENTIAL_MAX_BYTES: usize = 32 << 10;

/// Passkeys one account may hold: plenty for every device a person owns, and a bound on the
/// sign-in options and ceremony state, which list them all.
pub const PASSKEYS_PER_ACCOUNT: usize = 20;

/// The relying party's name shown by browsers and authenticators.
const RP_NAME: &str = "Tandem";

/// Builds the relying party; `ConfigError` names the key when webauthn-rs refuses it.
pub fn relying_party(settings: &WebauthnSettings) -> Result<Webauthn, ConfigError> {
    let refused = |err: webauthn_rs::prelude::WebauthnError| ConfigError::Invalid {
        key: "auth.webauthn_rp_id",
        message: format!(
            "the relying party {:?} with origin {} is refused by WebAuthn: {err}",
            settings.rp_id, settings.origin
        ),
    };
    WebauthnBuilder::new(&settings.rp_id, &settings.origin)
        .map_err(refused)?
        .rp_name(RP_NAME)
        .allow_any_port(settings.any_port)
        .timeout(Duration::from_secs(CEREMONY_SECONDS))
        .build()
        .map_err(refused)
}

/// The relying party, or 404 `passkeys_off` when this deployment cannot offer passkeys.
pub fn rp(state: &AppState) -> Result<&Webauthn, ApiError> {
    state.webauthn.as_ref().ok_or_else(|| {
        ApiError::new(
            axum::http::StatusCode::NOT_FOUND,
            "passkeys_off",
            "passkeys are off on this server (its public origin is an IP address or plain HTTP); \
             sign in another way, or ask its admin to set auth.webauthn_origin to a domain",
        )
    })
}

/// Stores `value` as a new ceremony of `user_id`; returns its id for the browser.
pub async fn begin<T: Serialize>(
    state: &AppState,
    user_id: &str,
    kind: CeremonyKind,
    value: &T,
) -> Result<(String, i64), ApiError> {
    let json = serde_json::to_string(value).map_err(|err| ApiError::internal("ceremony", &err))?;
    let now = now_ms();
    let ceremony = Ceremony {
        id: uuid::Uuid::new_v4().simple().to_string(),
        user_id: user_id.to_owned(),
        kind,
        state: json,
        created_at: now,
        expires_at: now + (CEREMONY_SECONDS * 1000) as i64,
    };
    state
        .store
        .put_ceremony(&ceremony, CEREMONIES_PER_USER)
        .await?;
    Ok((ceremony.id, ceremony.expires_at))
}

/// 400 `ceremony_expired`: the id is unknown, another browser's, used or past its time.
pub fn ceremony_expired() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::BAD_REQUEST,
        "ceremony_expired",
        "this passkey request has expired or was already used; start again",
    )
}

/// Takes the ceremony `id` of `user_id` (once) and reads its state back.
pub async fn take<T: DeserializeOwned>(
    state: &AppState,
    id: &str,
    user_id: &str,
    kind: CeremonyKind,
) -> Result<T, ApiError> {
    if id.len() > 64 {
        return Err(ceremony_expired());
    }
    let json = state
        .store
        .take_ceremony(id, user_id, kind, now_ms())
        .await?
        .ok_or_else(ceremony_expired)?;
    serde_json::from_str(&json).map_err(|err| ApiError::internal("ceremony state", &err))
}

/// The browser's answer, bounded in size and read as the WebAuthn type `T`.
pub fn credential<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    let size = serde_json::to_string(&value).map_or(usize::MAX, |text| text.len());
    if size > CREDENTIAL_MAX_BYTES {
        return Err(ApiError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "the credential is larger than 32 KiB; send what navigator.credentials returned",
        ));
    }
    serde_json::from_value(value).map_err(|err| {
        ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "bad_credential",
            format!(
                "the credential is not a WebAuthn answer ({err}); send what \
                 navigator.credentials returned, base64url-encoded"
            ),
        )
    })
}

/// A passkey name: trimmed, 1–64 characters, no control characters.
pub fn name(raw: &str) -> Result<String, ApiError> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 64 {
        return Err(ApiError::invalid("a passkey name is 1 to 64 characters"));
    }
    if name.chars().any(char::is_control) {
        return Err(ApiError::invalid(
            "a passkey name cannot hold control characters",
        ));
    }
    Ok(name.to_owned())
}
