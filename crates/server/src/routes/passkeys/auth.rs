//! Sign-up and sign-in with a passkey. Both end like their password twins: sign-up converts
//! the guest in place (with the passkey, in one transaction), sign-in goes through `sign_in_as`.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use tandem_store::{CeremonyKind, NewAccount, StoreError, UserKind};
use utoipa::ToSchema;
use webauthn_rs::prelude::{
    DiscoverableAuthentication, DiscoverableKey, Passkey, PasskeyAuthentication,
    PasskeyRegistration, PublicKeyCredential, RegisterPublicKeyCredential, Uuid,
};

use super::{
    PasskeyCeremony, PasskeyFinish, creation_options, passkey_taken, record, rejected, to_json,
    user_handle, webauthn_failure,
};
use crate::auth::client_ip::ClientIp;
use crate::auth::passkey;
use crate::auth::sign_in::{promote_if_listed, sign_in_as};
use crate::auth::validate;
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::identity::{CurrentUser, SessionHash, start_account_session};
use crate::routes::account::Me;
use crate::routes::auth::signed_in;
use crate::state::AppState;
use crate::time::now_ms;

#[derive(Debug, Deserialize, ToSchema)]
pub struct PasskeySignupStart {
    /// 3–32 of a-z, 0-9, _ and -, starting with a letter; case-insensitive.
    #[schema(min_length = 3, max_length = 32)]
    pub username: String,
    #[schema(max_length = 254)]
    pub email: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct PasskeySigninStart {
    /// Absent: the browser offers every passkey it holds for this site (discoverable).
    #[schema(max_length = 32)]
    pub username: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct SignupState {
    registration: PasskeyRegistration,
    username: String,
    email: Option<String>,
}

#[derive(Serialize, Deserialize)]
enum SigninState {
    /// A username was given: only its passkeys are allowed.
    Known(PasskeyAuthentication),
    /// No username: the passkey's user handle says whose it is.
    Discoverable(DiscoverableAuthentication),
}

/// The one answer to a failed passkey sign-in, whatever failed.
fn not_recognised() -> ApiError {
    ApiError::unauthorized("passkey_not_recognised", "this passkey is not recognised")
}

fn already_signed_in() -> ApiError {
    ApiError::conflict(
        "already_signed_in",
        "you are signed in to an account; sign out to create another",
    )
}

fn username_taken(username: &str) -> ApiError {
    ApiError::conflict(
        "username_taken",
        format!("the username {username:?} is taken; choose another"),
    )
}

#[utoipa::path(post, path = "/api/auth/passkey/signup/start", tag = "auth",
    operation_id = "passkey_signup_start", request_body = PasskeySignupStart,
    responses((status = 200, body = PasskeyCeremony, description = "options for navigator.credentials.create"),
        (status = 409, body = ErrorBody, description = "username_taken or already_signed_in"),
        (status = 429, body = ErrorBody, description = "rate_limited, with Retry-After")))]
pub async fn signup_start(
    State(state): State<Arc<AppState>>,
    ClientIp(ip): ClientIp,
    CurrentUser(user): CurrentUser,
    ApiJson(request): ApiJson<PasskeySignupStart>,
) -> Result<Json<PasskeyCeremony>, ApiError> {
    state.limits.signup.check(ip, &user.id)?;
    if user.kind == UserKind::Account {
        return Err(already_signed_in());
    }
    let username = validate::username(&request.username)?;
    let email = validate::email(request.email.as_deref())?;
    // Said now rather than after the browser's dialog; the finish checks again.
    if state.store.account_by_username(&username).await?.is_some() {
        return Err(username_taken(&username));
    }
    let (options, registration) = passkey::rp(&state)?
        .start_passkey_registration(user_handle(&user)?, &username, &username, None)
        .map_err(|err| webauthn_failure(&err))?;
    let public_key = creation_options(&options)?;
    let signup = SignupState {
        registration,
        username,
        email,
    };
    let (ceremony, expires_at) =
        passkey::begin(&state, &user.id, CeremonyKind::Signup, &signup).await?;
    Ok(Json(PasskeyCeremony {
        ceremony,
        expires_at,
        public_key,
    }))
}

#[utoipa::path(post, path = "/api/auth/passkey/signup/finish", tag = "auth",
    operation_id = "passkey_signup_finish", request_body = PasskeyFinish,
    responses((status = 201, body = Me, description = "the guest is now this account, signing in with this passkey; new session cookie"),
        (status = 400, body = ErrorBody, description = "ceremony_expired, bad_credential or passkey_rejected"),
        (status = 409, body = ErrorBody, description = "username_taken, passkey_taken or already_signed_in")))]
pub async fn signup_finish(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    SessionHash(old_session): SessionHash,
    ApiJson(request): ApiJson<PasskeyFinish>,
) -> Result<Response, ApiError> {
    if user.kind == UserKind::Account {
        return Err(already_signed_in());
    }
    // Taken before anything else, so a failed answer uses the ceremony up.
    let signup: SignupState =
        passkey::take(&state, &request.ceremony, &user.id, CeremonyKind::Signup).await?;
    let answer: RegisterPublicKeyCredential = passkey::credential(request.credential)?;
    let key = passkey::rp(&state)?
        .finish_passkey_registration(&answer, &signup.registration)
        .map_err(|err| rejected(&err))?;
    let account = NewAccount {
        username: signup.username,
        email: signup.email,
        password_hash: None,
        // Typed at sign-up, not proven: it must not draw mailed sign-ins.
        email_verified: false,
    };
    let first = record(&user.id, &key, "Passkey".into())?;
    // In place, like password sign-up, and with the passkey in the same transaction.
    let user = match state
        .store
        .convert_guest_with_passkey(&user.id, &account, &first)
        .await
    {
        Ok(user) => user,
        Err(StoreError::Taken {
            what: "the passkey",
        }) => return Err(passkey_taken()),
        Err(StoreError::Taken { .. }) => return Err(username_taken(&account.username)),
        Err(StoreError::WrongState(_)) => return Err(already_signed_in()),
        Err(other) => return Err(other.into()),
    };
    let user = promote_if_listed(&state, user).await?;
    state.store.delete_web_session(&old_session).await?;
    let (_, cookie) = start_account_session(&state, &user.id).await?;
    Ok(signed_in(StatusCode::CREATED, &user, cookie))
}

#[utoipa::path(post, path = "/api/auth/passkey/signin/start", tag = "auth",
    operation_id = "passkey_signin_start", request_body = PasskeySigninStart,
    responses((status = 200, body = PasskeyCeremony, description = "options for navigator.credentials.get"),
        (status = 429, body = ErrorBody, description = "rate_limited, with Retry-After")))]
pub async fn signin_start(
    State(state): State<Arc<AppState>>,
    ClientIp(ip): ClientIp,
    CurrentUser(current): CurrentUser,
    ApiJson(request): ApiJson<PasskeySigninStart>,
) -> Result<Json<PasskeyCeremony>, ApiError> {
    // The sign-in buckets, keyed like password sign-in (the name as typed), or by the browser's
    // user when no name is given. A finish needs a start, so this bounds finishes too.
    let typed = request
        .username
        .as_deref()
        .map(str::trim)
        .filter(|name| !name.is_empty());
    if typed.is_some_and(|name| name.chars().count() > validate::USERNAME_MAX) {
        return Err(ApiError::invalid(format!(
            "a username is at most {} characters",
            validate::USERNAME_MAX
        )));
    }
    let key: String = match typed {
        Some(name) => name.to_ascii_lowercase(),
        None => current.id.clone(),
    };
    state.limits.signin.check(ip, &key)?;
    let known = match typed.map(|_| validate::username(&key)) {
        Some(Ok(name)) => state.store.account_by_username(&name).await?,
        _ => None,
    };
    let keys = match &known {
        Some(account) => state.store.passkeys(&account.user.id).await?,
        None => Vec::new(),
    };
    let keys = keys
        .iter()
        .map(|record| serde_json::from_str::<Passkey>(&record.passkey))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| ApiError::internal("stored passkey", &err))?;
    // An unknown name, or one without passkeys, gets a discoverable request: the browser
    // offers what it holds, and the finish answers as for any unknown passkey.
    let (public_key, signin) = if keys.is_empty() {
        let (options, auth) = passkey::rp(&state)?
            .start_discoverable_authentication()
            .map_err(|err| webauthn_failure(&err))?;
        (
            to_json(&options.public_key)?,
            SigninState::Discoverable(auth),
        )
    } else {
        let (options, auth) = passkey::rp(&state)?
            .start_passkey_authentication(&keys)
            .map_err(|err| webauthn_failure(&err))?;
        (to_json(&options.public_key)?, SigninState::Known(auth))
    };
    let (ceremony, expires_at) =
        passkey::begin(&state, &current.id, CeremonyKind::Signin, &signin).await?;
    Ok(Json(PasskeyCeremony {
        ceremony,
        expires_at,
        public_key,
    }))
}

#[utoipa::path(post, path = "/api/auth/passkey/signin/finish", tag = "auth",
    operation_id = "passkey_signin_finish", request_body = PasskeyFinish,
    responses((status = 200, body = Me, description = "signed in; new session cookie, the old session ended, a guest's work merged"),
        (status = 400, body = ErrorBody, description = "ceremony_expired or bad_credential"),
        (status = 401, body = ErrorBody, description = "passkey_not_recognised")))]
pub async fn signin_finish(
    State(state): State<Arc<AppState>>,
    CurrentUser(current): CurrentUser,
    SessionHash(old_session): SessionHash,
    ApiJson(request): ApiJson<PasskeyFinish>,
) -> Result<Response, ApiError> {
    let signin: SigninState =
        passkey::take(&state, &request.ceremony, &current.id, CeremonyKind::Signin).await?;
    let answer: PublicKeyCredential = passkey::credential(request.credential)?;
    let Some(stored) = state.store.passkey_by_credential(&answer.raw_id).await? else {
        return Err(not_recognised());
    };
    let mut key: Passkey = serde_json::from_str(&stored.passkey)
        .map_err(|err| ApiError::internal("stored passkey", &err))?;
    let verified = match signin {
        SigninState::Known(auth) => {
            passkey::rp(&state)?.finish_passkey_authentication(&answer, &auth)
        }
        SigninState::Discoverable(auth) => {
            // The handle the authenticator keeps must be the owner's: a credential id alone
            // could be presented under another user's handle.
            let (handle, _) = passkey::rp(&state)?
                .identify_discoverable_authentication(&answer)
                .map_err(|_| not_recognised())?;
            if Uuid::parse_str(&stored.user_id).ok() != Some(handle) {
                return Err(not_recognised());
            }
            passkey::rp(&state)?.finish_discoverable_authentication(
                &answer,
                auth,
                &[DiscoverableKey::from(&key)],
            )
        }
    };
    let result = verified.map_err(|err| {
        tracing::debug!(error = %err, "passkey sign-in refused");
        not_recognised()
    })?;
    // The signature counter and backup state move on; a cloned authenticator shows up as a
    // counter that does not (webauthn-rs refuses it above).
    key.update_credential(&result);
    let json = serde_json::to_string(&key).map_err(|err| ApiError::internal("passkey", &err))?;
    state
        .store
        .record_passkey_use(&stored.id, &json, now_ms())
        .await?;
    let account = match state.store.user(&stored.user_id).await? {
        Some(user) if user.kind == UserKind::Account => user,
        _ => return Err(not_recognised()),
    };
    let (user, cookie) = sign_in_as(&state, &current, &old_session, account).await?;
    Ok(signed_in(StatusCode::OK, &user, cookie))
}
