//! An account's own passkeys: the list, adding one, renaming and removing.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tandem_store::{CeremonyKind, StoreError};
use utoipa::ToSchema;
use webauthn_rs::prelude::{PasskeyRegistration, RegisterPublicKeyCredential};

use super::{
    PasskeyCeremony, PasskeyView, creation_options, passkey_taken, record, rejected, user_handle,
    webauthn_failure,
};
use crate::auth::passkey;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
use crate::identity::CurrentUser;
use crate::identity::require_account;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
pub struct AddPasskeyFinish {
    #[schema(max_length = 64)]
    pub ceremony: String,
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
    /// 1–64 characters; absent: "Passkey N".
    #[schema(max_length = 64)]
    pub name: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct PasskeyRename {
    /// 1–64 characters.
    #[schema(min_length = 1, max_length = 64)]
    pub name: String,
}

fn too_many_passkeys() -> ApiError {
    ApiError::conflict(
        "too_many_passkeys",
        format!(
            "an account holds at most {} passkeys; remove one first",
            passkey::PASSKEYS_PER_ACCOUNT
        ),
    )
}

#[utoipa::path(get, path = "/api/me/passkeys", tag = "account", operation_id = "list_passkeys",
    responses((status = 200, body = [PasskeyView], description = "my passkeys, oldest first"),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest)")))]
pub async fn list(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<PasskeyView>>, ApiError> {
    require_account(&user)?;
    let keys = state.store.passkeys(&user.id).await?;
    Ok(Json(keys.iter().map(PasskeyView::from).collect()))
}

#[utoipa::path(post, path = "/api/me/passkeys/start", tag = "account", operation_id = "add_passkey_start",
    responses((status = 200, body = PasskeyCeremony, description = "options for navigator.credentials.create; my passkeys are excluded"),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest)"),
        (status = 409, body = ErrorBody, description = "too_many_passkeys (20 at most)")))]
pub async fn add_start(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<PasskeyCeremony>, ApiError> {
    require_account(&user)?;
    let mine = state.store.passkeys(&user.id).await?;
    if mine.len() >= passkey::PASSKEYS_PER_ACCOUNT {
        return Err(too_many_passkeys());
    }
    let exclude = mine
        .iter()
        .map(|record| record.credential_id.clone().into())
        .collect();
    let username = user.username.clone().unwrap_or_default();
    let display = if user.display_name.is_empty() {
        username.clone()
    } else {
        user.display_name.clone()
    };
    let (options, registration) = passkey::rp(&state)?
        .start_passkey_registration(user_handle(&user)?, &username, &display, Some(exclude))
        .map_err(|err| webauthn_failure(&err))?;
    let public_key = creation_options(&options)?;
    let (ceremony, expires_at) =
        passkey::begin(&state, &user.id, CeremonyKind::Add, &registration).await?;
    Ok(Json(PasskeyCeremony {
        ceremony,
        expires_at,
        public_key,
    }))
}

#[utoipa::path(post, path = "/api/me/passkeys/finish", tag = "account", operation_id = "add_passkey_finish",
    request_body = AddPasskeyFinish,
    responses((status = 201, body = PasskeyView, description = "the passkey is added"),
        (status = 400, body = ErrorBody, description = "ceremony_expired, bad_credential or passkey_rejected"),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest)"),
        (status = 409, body = ErrorBody, description = "passkey_taken or too_many_passkeys")))]
pub async fn add_finish(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiJson(request): ApiJson<AddPasskeyFinish>,
) -> Result<Response, ApiError> {
    require_account(&user)?;
    let name = request.name.as_deref().map(passkey::name).transpose()?;
    let registration: PasskeyRegistration =
        passkey::take(&state, &request.ceremony, &user.id, CeremonyKind::Add).await?;
    let answer: RegisterPublicKeyCredential = passkey::credential(request.credential)?;
    let key = passkey::rp(&state)?
        .finish_passkey_registration(&answer, &registration)
        .map_err(|err| rejected(&err))?;
    let count = state.store.passkeys(&user.id).await?.len();
    if count >= passkey::PASSKEYS_PER_ACCOUNT {
        return Err(too_many_passkeys());
    }
    let name = name.unwrap_or_else(|| format!("Passkey {}", count + 1));
    let added = record(&user.id, &key, name)?;
    match state.store.add_passkey(&added).await {
        Ok(()) => {}
        Err(StoreError::Taken { .. }) => return Err(passkey_taken()),
        Err(other) => return Err(other.into()),
    }
    Ok((StatusCode::CREATED, Json(PasskeyView::from(&added))).into_response())
}

/// Ids are 32 hex digits; anything longer is no passkey of anyone's.
fn passkey_id(id: &str) -> Result<&str, ApiError> {
    if id.len() > 64 {
        return Err(ApiError::not_found("passkey not found"));
    }
    Ok(id)
}

#[utoipa::path(put, path = "/api/me/passkeys/{id}", tag = "account", operation_id = "rename_passkey",
    params(("id" = String, Path, description = "the passkey's id")), request_body = PasskeyRename,
    responses((status = 200, body = PasskeyView),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest)"),
        (status = 404, body = ErrorBody, description = "no passkey of mine has this id")))]
pub async fn rename(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<PasskeyRename>,
) -> Result<Json<PasskeyView>, ApiError> {
    require_account(&user)?;
    let name = passkey::name(&request.name)?;
    let renamed = state
        .store
        .rename_passkey(&user.id, passkey_id(&id)?, &name)
        .await?;
    Ok(Json(PasskeyView::from(&renamed)))
}

#[utoipa::path(delete, path = "/api/me/passkeys/{id}", tag = "account", operation_id = "remove_passkey",
    params(("id" = String, Path, description = "the passkey's id")),
    responses((status = 204, description = "removed"),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest)"),
        (status = 404, body = ErrorBody, description = "no passkey of mine has this id"),
        (status = 409, body = ErrorBody, description = "last_passkey: no password, linked provider or other passkey")))]
pub async fn remove(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    require_account(&user)?;
    match state.store.delete_passkey(&user.id, passkey_id(&id)?).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(StoreError::WrongState(why)) => Err(ApiError::conflict("last_passkey", why)),
        Err(other) => Err(other.into()),
    }
}
