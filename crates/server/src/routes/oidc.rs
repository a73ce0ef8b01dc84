//! Sign-in with an OpenID Connect provider: the provider list for the sign-in page, the start
//! (a 303 to the provider, the login kept on the server) and the callback (code exchanged, ID
//! token verified, then the browser signed in, given a new account, or the identity linked).
//!
//! These are browser navigations, not API calls: every outcome is a 303 to a page, failures
//! as `/signin?error=<code>` (`/account?error=<code>` when linking), and the web app turns the
//! code into a message. Nothing of a token, code or secret is logged.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tandem_store::{NewAccount, OidcIdentity, OidcPending, StoreError, User, UserKind};
use utoipa::{IntoParams, ToSchema};

use crate::auth::client_ip::ClientIp;
use crate::auth::sign_in::{promote_if_listed, sign_in_as};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiPath, ApiQuery};
use crate::identity::{CurrentUser, SessionHash, set_cookie, start_account_session};
use crate::oidc::{FlowError, Provider, Verified, username};
use crate::state::AppState;
use crate::time::now_ms;

/// A login not finished within this time must start again.
const PENDING_TTL_MS: i64 = 10 * 60 * 1000;
/// Usernames tried for a new account before giving up.
const USERNAME_ATTEMPTS: u32 = 20;
/// Longest values accepted in the path and in the provider's redirect (a request over them is
/// answered 400, not redirected: it is not from a provider following the protocol).
const ID_MAX: usize = 32;
const CODE_MAX: usize = 4096;
const STATE_MAX: usize = 512;
const ERROR_MAX: usize = 256;
const ERROR_DESCRIPTION_MAX: usize = 4096;

/// 400 when `value` is longer than `max` bytes.
fn within(name: &str, value: Option<&str>, max: usize) -> Result<(), ApiError> {
    match value {
        Some(value) if value.len() > max => Err(ApiError::bad_request(format!(
            "{name} is longer than {max} bytes; start the sign-in again from the sign-in page"
        ))),
        _ => Ok(()),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProviderView {
    /// Used in `/api/auth/oidc/{id}/start`.
    pub id: String,
    /// For "Continue with <name>".
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProviderList {
    /// In the order of the config; empty when none is configured.
    pub providers: Vec<ProviderView>,
}

#[utoipa::path(get, path = "/api/auth/providers", tag = "auth", operation_id = "oidc_providers",
    responses((status = 200, body = ProviderList, description = "the OpenID Connect providers one may sign in with")))]
pub async fn providers(State(state): State<Arc<AppState>>) -> Json<ProviderList> {
    let providers = state
        .oidc
        .list()
        .into_iter()
        .map(|(id, name)| ProviderView { id, name })
        .collect();
    Json(ProviderList { providers })
}

/// Where a flow ends, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    UnknownProvider,
    RateLimited,
    SignInRequired,
    Cancelled,
    ProviderError,
    StateInvalid,
    ProviderUnreachable,
    ProviderRefused,
    TokenInvalid,
    LinkedElsewhere,
    AlreadyLinked,
    AlreadySignedIn,
    ServerError,
}

impl Failure {
    fn code(self) -> &'static str {
        match self {
            Failure::UnknownProvider => "unknown_provider",
            Failure::RateLimited => "rate_limited",
            Failure::SignInRequired => "sign_in_required",
            Failure::Cancelled => "cancelled",
            Failure::ProviderError => "provider_error",
            Failure::StateInvalid => "state_invalid",
            Failure::ProviderUnreachable => "provider_unreachable",
            Failure::ProviderRefused => "provider_refused",
            Failure::TokenInvalid => "token_invalid",
            Failure::LinkedElsewhere => "identity_linked_elsewhere",
            Failure::AlreadyLinked => "provider_already_linked",
            Failure::AlreadySignedIn => "already_signed_in",
            Failure::ServerError => "server_error",
        }
    }
}

impl From<&FlowError> for Failure {
    fn from(err: &FlowError) -> Self {
        match err {
            FlowError::Unreachable(_) => Failure::ProviderUnreachable,
            FlowError::Refused(_) => Failure::ProviderRefused,
            FlowError::TokenInvalid(_) => Failure::TokenInvalid,
        }
    }
}

/// A 303 to a page of the web app; never cached.
fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn failed(failure: Failure, linking: bool) -> Response {
    let page = if linking { "/account" } else { "/signin" };
    see_other(&format!("{page}?error={}", failure.code()))
}

fn state_hash(state: &str) -> Vec<u8> {
    Sha256::digest(state.as_bytes()).to_vec()
}

/// `server.public_origin`, or the request's Host over plain HTTP (a local or test server; set
/// `server.public_origin` behind a proxy or TLS).
fn origin(state: &AppState, headers: &HeaderMap) -> Option<String> {
    if let Some(origin) = &state.public_origin {
        return Some(origin.clone());
    }
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let valid = !host.is_empty()
        && host.len() <= 255
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b));
    valid.then(|| format!("http://{host}"))
}

fn redirect_uri(origin: &str, provider: &str) -> String {
    format!("{origin}/api/auth/oidc/{provider}/callback")
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StartQuery {
    /// 1: link the provider to the signed-in account instead of signing in.
    #[param(minimum = 0, maximum = 1)]
    pub link: Option<u8>,
}

#[utoipa::path(get, path = "/api/auth/oidc/{id}/start", tag = "auth", operation_id = "oidc_start",
    params(("id" = String, Path, description = "the provider's id from /api/auth/providers", max_length = 32), StartQuery),
    responses((status = 303, description = "to the provider's authorization endpoint; on failure to /signin?error=<code> (/account?error=<code> when linking)"),
        (status = 400, body = ErrorBody, description = "link is not 0 or 1, the id is over 32 bytes, or no usable Host header (set server.public_origin)")))]
pub async fn start(
    State(state): State<Arc<AppState>>,
    ClientIp(ip): ClientIp,
    CurrentUser(user): CurrentUser,
    headers: HeaderMap,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<StartQuery>,
) -> Result<Response, ApiError> {
    within("the provider id", Some(&id), ID_MAX)?;
    if query.link.is_some_and(|link| link > 1) {
        return Err(ApiError::bad_request("link is 1 (link to my account) or 0"));
    }
    Ok(start_flow(&state, ip, user, &headers, id, query.link == Some(1)).await)
}

async fn start_flow(
    state: &AppState,
    ip: std::net::IpAddr,
    user: User,
    headers: &HeaderMap,
    id: String,
    linking: bool,
) -> Response {
    let Some(provider) = state.oidc.get(&id) else {
        return failed(Failure::UnknownProvider, linking);
    };
    if state.limits.oidc.check(ip, &user.id).is_err() {
        return failed(Failure::RateLimited, linking);
    }
    if linking && user.kind != UserKind::Account {
        return failed(Failure::SignInRequired, false);
    }
    let Some(origin) = origin(state, headers) else {
        return ApiError::bad_request("the Host header is missing or not a host name")
            .into_response();
    };
    let redirect_uri = redirect_uri(&origin, &id);
    let begun = match provider.begin(&redirect_uri).await {
        Ok(begun) => begun,
        Err(err) => {
            tracing::warn!(provider = %id, error = %err, "cannot start a sign-in with a provider");
            return failed(Failure::from(&err), linking);
        }
    };
    let now = now_ms();
    let pending = OidcPending {
        state_hash: state_hash(&begun.state),
        provider: id,
        user_id: user.id,
        nonce: begun.nonce,
        pkce_verifier: begun.pkce_verifier,
        redirect_uri,
        link: linking,
        created_at: now,
        expires_at: now + PENDING_TTL_MS,
    };
    if let Err(err) = state.store.insert_oidc_pending(&pending).await {
        ApiError::internal("oidc pending", &err);
        return failed(Failure::ServerError, linking);
    }
    see_other(&begun.url)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CallbackQuery {
    /// The one-time authorization code.
    #[param(max_length = 4096)]
    pub code: Option<String>,
    /// The state sent at the start.
    #[param(max_length = 512)]
    pub state: Option<String>,
    /// Set by the provider instead of `code` (`access_denied` when the person cancelled).
    #[param(max_length = 256)]
    pub error: Option<String>,
    #[param(max_length = 4096)]
    pub error_description: Option<String>,
}

#[utoipa::path(get, path = "/api/auth/oidc/{id}/callback", tag = "auth", operation_id = "oidc_callback",
    params(("id" = String, Path, description = "the provider's id", max_length = 32), CallbackQuery),
    responses((status = 400, body = ErrorBody, description = "a value over its length limit"),
        (status = 303, description = "signed in, new account or linked: to /account with a new session cookie; \
        on failure to /signin?error=<code> (/account?error=<code> when linking): cancelled, provider_error, state_invalid, \
        provider_unreachable, provider_refused, token_invalid, identity_linked_elsewhere, provider_already_linked, \
        already_signed_in, unknown_provider")))]
pub async fn callback(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    SessionHash(old_session): SessionHash,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<CallbackQuery>,
) -> Result<Response, ApiError> {
    within("the provider id", Some(&id), ID_MAX)?;
    within("code", query.code.as_deref(), CODE_MAX)?;
    within("state", query.state.as_deref(), STATE_MAX)?;
    within("error", query.error.as_deref(), ERROR_MAX)?;
    within(
        "error_description",
        query.error_description.as_deref(),
        ERROR_DESCRIPTION_MAX,
    )?;
    Ok(callback_flow(&state, user, &old_session, id, query).await)
}

async fn callback_flow(
    state: &AppState,
    user: User,
    old_session: &[u8],
    id: String,
    query: CallbackQuery,
) -> Response {
    let Some(provider) = state.oidc.get(&id) else {
        return failed(Failure::UnknownProvider, false);
    };
    let Some(state_param) = query.state.filter(|s| !s.is_empty()) else {
        return failed(Failure::StateInvalid, false);
    };
    // Taken before anything else, so a state is spent even when the provider reports an error.
    let pending = match state
        .store
        .take_oidc_pending(&state_hash(&state_param))
        .await
    {
        Ok(pending) => pending,
        Err(err) => {
            ApiError::internal("oidc pending", &err);
            return failed(Failure::ServerError, false);
        }
    };
    // Unknown, replayed, expired, for another provider, or started in another browser.
    let Some(pending) =
        pending.filter(|p| p.expires_at > now_ms() && p.provider == id && p.user_id == user.id)
    else {
        return failed(Failure::StateInvalid, false);
    };
    let linking = pending.link;
    if let Some(error) = query.error {
        // The provider's own words, cut short: useful to an operator, never secret.
        let description: String = query
            .error_description
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect();
        tracing::info!(provider = %id, error = %error, description = %description, "the provider answered with an error");
        let failure = if error == "access_denied" {
            Failure::Cancelled
        } else {
            Failure::ProviderError
        };
        return failed(failure, linking);
    }
    let Some(code) = query.code.filter(|c| !c.is_empty()) else {
        return failed(Failure::ProviderError, linking);
    };
    let verified = match provider
        .finish(
            &code,
            &pending.redirect_uri,
            &pending.nonce,
            &pending.pkce_verifier,
        )
        .await
    {
        Ok(verified) => verified,
        Err(err) => {
            tracing::warn!(provider = %id, error = %err, "a sign-in with a provider failed");
            return failed(Failure::from(&err), linking);
        }
    };
    let outcome = if linking {
        link(state, &provider, &user, verified).await
    } else {
        sign_in(state, &provider, &user, old_session, verified).await
    };
    match outcome {
        Ok(response) => response,
        Err(failure) => failed(failure, linking),
    }
}

fn identity_of(provider: &Provider, user_id: &str, verified: &Verified) -> OidcIdentity {
    OidcIdentity {
        user_id: user_id.to_string(),
        provider: provider.config.id.clone(),
        subject: verified.subject.clone(),
        email: verified.email.clone(),
        created_at: now_ms(),
    }
}

fn internal(context: &str, err: &dyn std::fmt::Display) -> Failure {
    ApiError::internal(context, err);
    Failure::ServerError
}

async fn link(
    state: &AppState,
    provider: &Provider,
    user: &User,
    verified: Verified,
) -> Result<Response, Failure> {
    if user.kind != UserKind::Account {
        return Err(Failure::SignInRequired);
    }
    match state
        .store
        .link_identity(&identity_of(provider, &user.id, &verified))
        .await
    {
        Ok(()) => {
            tracing::info!(user = %user.id, provider = %provider.config.id, "identity linked");
            Ok(see_other(&format!(
                "/account?linked={}",
                provider.config.id
            )))
        }
        Err(StoreError::Taken { .. }) => Err(Failure::LinkedElsewhere),
        Err(StoreError::WrongState(_)) => Err(Failure::AlreadyLinked),
        Err(err) => Err(internal("oidc link", &err)),
    }
}

async fn sign_in(
    state: &AppState,
    provider: &Provider,
    current: &User,
    old_session: &[u8],
    verified: Verified,
) -> Result<Response, Failure> {
    let known = state
        .store
        .user_by_identity(&provider.config.id, &verified.subject)
        .await
        .map_err(|err| internal("oidc lookup", &err))?;
    let (account, cookie) = match known {
        // The guest's work is merged into the account, the session rotated.
        Some(account) => sign_in_as(state, current, old_session, account)
            .await
            .map_err(|_| Failure::ServerError)?,
        None if current.kind == UserKind::Account => return Err(Failure::AlreadySignedIn),
        None => new_account(state, provider, current, old_session, &verified).await?,
    };
    tracing::info!(user = %account.id, provider = %provider.config.id, "signed in with a provider");
    let mut response = see_other("/account");
    set_cookie(&mut response, Some(cookie));
    Ok(response)
}

/// Sign-up through the provider: the guest becomes the account in place (like sign-up), with
/// a username from the claims made unique, and no password.
async fn new_account(
    state: &AppState,
    provider: &Provider,
    guest: &User,
    old_session: &[u8],
    verified: &Verified,
) -> Result<(User, String), Failure> {
    let base = username::base(verified);
    let identity = identity_of(provider, &guest.id, verified);
    let mut created = None;
    for attempt in 0..USERNAME_ATTEMPTS {
        let account = NewAccount {
            username: username::candidate(&base, attempt),
            email: verified.email.clone(),
            password_hash: None,
            // Only a provider-verified address is ever taken (see `verified`).
            email_verified: verified.email.is_some(),
        };
        match state
            .store
            .convert_guest_with_identity(&guest.id, &account, &identity)
            .await
        {
            Ok(user) => {
                created = Some(user);
                break;
            }
            Err(StoreError::Taken {
                what: "the username",
            }) => continue,
            // Another callback linked the identity a moment ago.
            Err(StoreError::Taken { .. }) => return Err(Failure::LinkedElsewhere),
            Err(err) => return Err(internal("oidc new account", &err)),
        }
    }
    let Some(user) = created else {
        return Err(internal("oidc new account", &"no free username"));
    };
    let user = promote_if_listed(state, user)
        .await
        .map_err(|_| Failure::ServerError)?;
    state
        .store
        .delete_web_session(old_session)
        .await
        .map_err(|err| internal("oidc session", &err))?;
    let (_, cookie) = start_account_session(state, &user.id)
        .await
        .map_err(|_| Failure::ServerError)?;
    Ok((user, cookie))
}
