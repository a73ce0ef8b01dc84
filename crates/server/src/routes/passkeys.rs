//! Passkeys: sign-up and sign-in with one, and an account's list (add, rename, remove).
//! Every ceremony is two requests: `start` stores the server's half (see `auth/passkey`) and
//! answers the options for `navigator.credentials.create/get`; `finish` takes that half once
//! and verifies the browser's answer with webauthn-rs.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tandem_store::{CeremonyKind, NewAccount, PasskeyRecord, StoreError, User, UserKind};
use utoipa::ToSchema;
use webauthn_rs::prelude::{
    DiscoverableAuthentication, DiscoverableKey, Passkey, PasskeyAuthentication,
    PasskeyRegistration, PublicKeyCredential, RegisterPublicKeyCredential, Uuid,
};

use crate::auth::client_ip::ClientIp;
use crate::auth::passkey;
use crate::auth::sign_in::{promote_if_listed, sign_in_as};
use crate::auth::validate;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
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

fn rejected(err: &dyn std::fmt::Display) -> ApiError {
    tracing::debug!(error = %err, "passkey registration refused");
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "passkey_rejected",
        "the passkey could not be verified; try again",
    )
}

fn webauthn_failure(err: &dyn std::fmt::Display) -> ApiError {
    ApiError::internal("webauthn", err)
}

fn passkey_taken() -> ApiError {
    ApiError::conflict(
        "passkey_taken",
        "this passkey is registered already; sign in with it",
    )
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

/// The WebAuthn user handle: the user's id (random, never shown to other users).
fn user_handle(user: &User) -> Result<Uuid, ApiError> {
    Uuid::parse_str(&user.id).map_err(|err| ApiError::internal("user handle", &err))
}

/// The creation options, asking for a discoverable credential (a passkey proper), so the
/// browser can offer it at sign-in without a username. webauthn-rs 0.5 only prefers one.
fn creation_options(
    options: &webauthn_rs::prelude::CreationChallengeResponse,
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

fn to_json<T: Serialize>(value: &T) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(value).map_err(|err| ApiError::internal("webauthn options", &err))
}

fn record(user_id: &str, key: &Passkey, name: String) -> Result<PasskeyRecord, ApiError> {
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
    let (options, registration) = state
        .webauthn
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
    let key = state
        .webauthn
        .finish_passkey_registration(&answer, &signup.registration)
        .map_err(|err| rejected(&err))?;
    let account = NewAccount {
        username: signup.username,
        email: signup.email,
        password_hash: None,
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
        let (options, auth) = state
            .webauthn
            .start_discoverable_authentication()
            .map_err(|err| webauthn_failure(&err))?;
        (
            to_json(&options.public_key)?,
            SigninState::Discoverable(auth),
        )
    } else {
        let (options, auth) = state
            .webauthn
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
        SigninState::Known(auth) => state.webauthn.finish_passkey_authentication(&answer, &auth),
        SigninState::Discoverable(auth) => {
            // The handle the authenticator keeps must be the owner's: a credential id alone
            // could be presented under another user's handle.
            let (handle, _) = state
                .webauthn
                .identify_discoverable_authentication(&answer)
                .map_err(|_| not_recognised())?;
            if Uuid::parse_str(&stored.user_id).ok() != Some(handle) {
                return Err(not_recognised());
            }
            state.webauthn.finish_discoverable_authentication(
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

fn account_only(user: &User) -> Result<(), ApiError> {
    if user.kind == UserKind::Account {
        Ok(())
    } else {
        Err(ApiError::sign_in_required())
    }
}

#[utoipa::path(get, path = "/api/me/passkeys", tag = "account", operation_id = "list_passkeys",
    responses((status = 200, body = [PasskeyView], description = "my passkeys, oldest first"),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest)")))]
pub async fn list(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Vec<PasskeyView>>, ApiError> {
    account_only(&user)?;
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
    account_only(&user)?;
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
    let (options, registration) = state
        .webauthn
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
    account_only(&user)?;
    let name = request.name.as_deref().map(passkey::name).transpose()?;
    let registration: PasskeyRegistration =
        passkey::take(&state, &request.ceremony, &user.id, CeremonyKind::Add).await?;
    let answer: RegisterPublicKeyCredential = passkey::credential(request.credential)?;
    let key = state
        .webauthn
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
    account_only(&user)?;
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
        (status = 409, body = ErrorBody, description = "last_passkey: no password and no other passkey")))]
pub async fn remove(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    account_only(&user)?;
    match state.store.delete_passkey(&user.id, passkey_id(&id)?).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(StoreError::WrongState(why)) => Err(ApiError::conflict("last_passkey", why)),
        Err(other) => Err(other.into()),
    }
}
