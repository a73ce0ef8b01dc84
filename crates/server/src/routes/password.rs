//! Setting or changing an account's password. An account made with a passkey, a provider or a
//! mailed link has none and may add one; an account with one must give it to change it. Either
//! way every session of the account ends and this browser gets a fresh one, so a password
//! changed because of a leak also signs out whoever used the leak.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::{password, rate, validate};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::identity::{CurrentUser, require_account, start_account_session};
use crate::routes::account::Me;
use crate::routes::auth::signed_in;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
pub struct PasswordChange {
    /// Required when the account has a password (`Me.has_password`).
    #[schema(max_length = 256)]
    pub current_password: Option<String>,
    /// 8–256 characters.
    #[schema(min_length = 8, max_length = 256)]
    pub new_password: String,
}

fn hashing_failed(err: password::PasswordError) -> ApiError {
    ApiError::internal("password", &err)
}

#[utoipa::path(put, path = "/api/me/password", tag = "account", operation_id = "set_password",
    request_body = PasswordChange,
    responses((status = 200, body = Me, description = "the password is set; every session of the account ended, a new session cookie for this browser"),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest) or wrong_password"),
        (status = 429, body = ErrorBody, description = "too many wrong current passwords (the sign-in backoff), with Retry-After")))]
pub async fn set(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiJson(request): ApiJson<PasswordChange>,
) -> Result<Response, ApiError> {
    require_account(&user)?;
    validate::password(&request.new_password)?;
    if user.has_password {
        // A wrong current password counts as a failed sign-in of this username: a stolen
        // session must not become a way to guess the password without the backoff.
        let key = user.username.clone().unwrap_or_default();
        if let Err(wait) = state.backoff.check(&key, Instant::now()) {
            return Err(rate::limited("wrong passwords for this account", wait));
        }
        let current = request.current_password.unwrap_or_default();
        let stored = if current.chars().count() > validate::PASSWORD_MAX {
            None
        } else {
            state
                .store
                .account_by_username(&key)
                .await?
                .and_then(|account| account.password_hash)
        };
        if !password::verify(current, stored)
            .await
            .map_err(hashing_failed)?
        {
            state.backoff.failed(&key, Instant::now());
            return Err(ApiError::unauthorized(
                "wrong_password",
                "the current password is wrong",
            ));
        }
        state.backoff.succeeded(&key);
    }
    let hash = password::hash(request.new_password)
        .await
        .map_err(hashing_failed)?;
    let user = state.store.set_password(&user.id, &hash).await?;
    state.store.delete_user_sessions(&user.id).await?;
    let (_, cookie) = start_account_session(&state, &user.id).await?;
    Ok(signed_in(StatusCode::OK, &user, cookie))
}
