//! Sign-up, sign-in and sign-out. Every success that changes who the browser is starts a new
//! session with a new token and ends the old one (no session fixation: a token planted before
//! sign-in is worthless after it).

use std::sync::Arc;
use std::time::Instant;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tandem_store::{NewAccount, StoreError, User, UserKind};
use utoipa::ToSchema;

use crate::auth::client_ip::ClientIp;
use crate::auth::sign_in::{promote_if_listed, sign_in_as};
use crate::auth::{password, rate, validate};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::identity::{
    CurrentUser, SessionHash, clearing_cookie, require_account, set_cookie, start_account_session,
};
use crate::routes::account::Me;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
pub struct SignUp {
    /// 3–32 of a-z, 0-9, _ and -, starting with a letter; case-insensitive.
    #[schema(min_length = 3, max_length = 32)]
    pub username: String,
    /// 8–256 characters.
    #[schema(min_length = 8, max_length = 256)]
    pub password: String,
    #[schema(max_length = 254)]
    pub email: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct SignIn {
    #[schema(max_length = 32)]
    pub username: String,
    #[schema(max_length = 256)]
    pub password: String,
}

/// The one answer to a failed sign-in, whether the user exists or not.
fn invalid_credentials() -> ApiError {
    ApiError::unauthorized(
        "invalid_credentials",
        "the username or the password is wrong",
    )
}

fn password_failure(err: password::PasswordError) -> ApiError {
    ApiError::internal("password", &err)
}

/// The response of a successful sign-up or sign-in: the user and the new session's cookie.
pub(crate) fn signed_in(status: StatusCode, user: &User, cookie: String) -> Response {
    let mut response = (status, Json(Me::from(user))).into_response();
    set_cookie(&mut response, Some(cookie));
    response
}

#[utoipa::path(post, path = "/api/auth/signup", tag = "auth", request_body = SignUp,
    responses((status = 201, body = Me, description = "the guest is now this account; new session cookie"),
        (status = 409, body = ErrorBody, description = "username_taken or already_signed_in"),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn signup(
    State(state): State<Arc<AppState>>,
    ClientIp(ip): ClientIp,
    CurrentUser(user): CurrentUser,
    SessionHash(old_session): SessionHash,
    ApiJson(request): ApiJson<SignUp>,
) -> Result<Response, ApiError> {
    state.limits.signup.check(ip, &user.id)?;
    if user.kind == UserKind::Account {
        return Err(ApiError::conflict(
            "already_signed_in",
            "you are signed in to an account; sign out to create another",
        ));
    }
    let username = validate::username(&request.username)?;
    validate::password(&request.password)?;
    let email = validate::email(request.email.as_deref())?;
    let password_hash = password::hash(request.password)
        .await
        .map_err(password_failure)?;
    let account = NewAccount {
        username,
        email,
        password_hash: Some(password_hash),
        // Nobody has proven they read this address: it must not draw mailed sign-ins.
        email_verified: false,
    };
    // In place: the guest's id stays, so everything it did is the account's.
    let user = match state.store.convert_guest(&user.id, &account).await {
        Ok(user) => user,
        Err(StoreError::Taken { .. }) => {
            return Err(ApiError::conflict(
                "username_taken",
                format!(
                    "the username {:?} is taken; choose another",
                    account.username
                ),
            ));
        }
        Err(other) => return Err(other.into()),
    };
    let user = promote_if_listed(&state, user).await?;
    state.store.delete_web_session(&old_session).await?;
    let (_, cookie) = start_account_session(&state, &user.id).await?;
    Ok(signed_in(StatusCode::CREATED, &user, cookie))
}

#[utoipa::path(post, path = "/api/auth/signin", tag = "auth", request_body = SignIn,
    responses((status = 200, body = Me, description = "signed in; new session cookie, the old session ended"),
        (status = 401, body = ErrorBody, description = "invalid_credentials"),
        (status = 429, body = ErrorBody, description = "rate_limited, with Retry-After")))]
pub async fn signin(
    State(state): State<Arc<AppState>>,
    ClientIp(ip): ClientIp,
    CurrentUser(current): CurrentUser,
    SessionHash(old_session): SessionHash,
    ApiJson(request): ApiJson<SignIn>,
) -> Result<Response, ApiError> {
    // Keyed by the name as typed (lower-cased), valid or not, so junk names are limited too;
    // cut to a bounded length so a huge name cannot become a huge key in memory.
    let key: String = request
        .username
        .trim()
        .to_ascii_lowercase()
        .chars()
        .take(2 * validate::USERNAME_MAX)
        .collect();
    state.limits.signin.check(ip, &key)?;
    if let Err(wait) = state.backoff.check(&key, Instant::now()) {
        return Err(rate::limited("failed sign-ins for this username", wait));
    }
    if request.password.chars().count() > validate::PASSWORD_MAX {
        return Err(invalid_credentials());
    }
    let account = match validate::username(&key) {
        Ok(name) => state.store.account_by_username(&name).await?,
        Err(_) => None,
    };
    let (user, stored) = match account {
        Some(account) => (Some(account.user), account.password_hash),
        None => (None, None),
    };
    let matches = password::verify(request.password, stored)
        .await
        .map_err(password_failure)?;
    let Some(user) = user.filter(|_| matches) else {
        state.backoff.failed(&key, Instant::now());
        return Err(invalid_credentials());
    };
    state.backoff.succeeded(&key);
    let (user, cookie) = sign_in_as(&state, &current, &old_session, user).await?;
    Ok(signed_in(StatusCode::OK, &user, cookie))
}

fn signed_out(state: &AppState) -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    set_cookie(&mut response, Some(clearing_cookie(state)));
    response
}

#[utoipa::path(post, path = "/api/auth/signout", tag = "auth",
    responses((status = 204, description = "this session ended; the cookie is cleared"),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest)")))]
pub async fn signout(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    SessionHash(session): SessionHash,
) -> Result<Response, ApiError> {
    // A guest has nothing to sign out of, and dropping its cookie would orphan its work.
    require_account(&user)?;
    state.store.delete_web_session(&session).await?;
    Ok(signed_out(&state))
}

#[utoipa::path(post, path = "/api/auth/signout-all", tag = "auth",
    responses((status = 204, description = "every session of the account ended"),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest)")))]
pub async fn signout_all(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
) -> Result<Response, ApiError> {
    require_account(&user)?;
    state.store.delete_user_sessions(&user.id).await?;
    Ok(signed_out(&state))
}
