//! Passkeys: sign-up and sign-in with one (`auth.rs`), and an account's own list — add,
//! rename, remove (`mine.rs`). Every ceremony is two requests: `start` stores the server's half
//! (see `auth/passkey`) and answers the options for `navigator.credentials.create/get`;
//! `finish` takes that half once and verifies the browser's answer with webauthn-rs.

pub mod auth;
pub mod mine;

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tandem_store::{PasskeyRecord, User};
use utoipa::ToSchema;
use webauthn_rs::prelude::{CreationChallengeResponse, Passkey, Uuid};

use crate::error::ApiError;
use crate::time::now_ms;

#[derive(Debug, Deserialize, ToSchema)]
pub struct PasskeyFinish {
    /// The id `start` answered.
    #[schema(max_length = 64)]
    pub ceremony: String,
    /// What `navigator.credentials.create/get` returned, binary fields base64url-encoded
    /// (the WebAuthn JSON form); at most 32 KiB.
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
}

/// A started ceremony: its id for `finish`, and the options for the browser.
#[derive(Debug, Serialize, ToSchema)]
pub struct PasskeyCeremony {
    pub ceremony: String,
    /// Milliseconds since the epoch after which `finish` refuses this ceremony.
    pub expires_at: i64,
    /// `publicKey` for `navigator.credentials.create` (registration) or `.get` (sign-in),
    /// binary fields (challenge, user.id, credential ids) base64url-encoded.
    #[schema(value_type = Object)]
    pub public_key: serde_json::Value,
}

/// A passkey as its owner sees it: no key material.
#[derive(Debug, Serialize, ToSchema)]
pub struct PasskeyView {
    pub id: String,
    pub name: String,
    pub created_at: i64,
    /// null until it is first used to sign in.
    pub last_used_at: Option<i64>,
}

impl From<&PasskeyRecord> for PasskeyView {
    fn from(record: &PasskeyRecord) -> Self {
        PasskeyView {
            id: record.id.clone(),
            name: record.name.clone(),
            created_at: record.created_at,
            last_used_at: record.last_used_at,
        }
    }
}

pub(super) fn rejected(err: &dyn std::fmt::Display) -> ApiError {
    tracing::debug!(error = %err, "passkey registration refused");
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "passkey_rejected",
        "the passkey could not be verified; try again",
    )
}

pub(super) fn webauthn_failure(err: &dyn std::fmt::Display) -> ApiError {
    ApiError::internal("webauthn", err)
}

pub(super) fn passkey_taken() -> ApiError {
    ApiError::conflict(
        "passkey_taken",
        "this passkey is registered already; sign in with it",
    )
}

/// The WebAuthn user handle: the user's id (random, never shown to other users).
pub(super) fn user_handle(user: &User) -> Result<Uuid, ApiError> {
    Uuid::parse_str(&user.id).map_err(|err| ApiError::internal("user handle", &err))
}

/// The creation options, asking for a discoverable credential (a passkey proper), so the
/// browser can offer it at sign-in without a username. webauthn-rs 0.5 only prefers one.
pub(super) fn creation_options(
    options: &CreationChallengeResponse,
) -> Result<serde_json::Value, ApiError> {
    let mut value = serde_json::to_value(&options.public_key)
        .map_err(|err| ApiError::internal("creation options", &err))?;
    if let Some(selection) = value
        .get_mut("authenticatorSelection")
        .and_then(serde_json::Value::as_object_mut)
    {
        selection.insert("residentKey".into(), "required".into());
        selection.insert("requireResidentKey".into(), true.into());
    }
    Ok(value)
}

pub(super) fn to_json<T: Serialize>(value: &T) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(value).map_err(|err| ApiError::internal("webauthn options", &err))
}

pub(super) fn record(
    user_id: &str,
    key: &Passkey,
    name: String,
) -> Result<PasskeyRecord, ApiError> {
    Ok(PasskeyRecord {
        id: Uuid::new_v4().simple().to_string(),
        user_id: user_id.to_owned(),
        credential_id: key.cred_id().to_vec(),
        passkey: serde_json::to_string(key).map_err(|err| ApiError::internal("passkey", &err))?,
        name,
        created_at: now_ms(),
        last_used_at: None,
    })
}
