//! Who is asking: the `tandem_session` cookie names a browser session; a request without a
//! valid one gets a new guest and the cookie. Only the SHA-256 of the token is stored, and its
//! expiry is checked on the server at every request (the cookie's Max-Age is only a hint).
//!
//! Cookies are HttpOnly (no script reads them), SameSite=Lax (not sent on cross-site
//! sub-requests or POSTs), Path=/, and Secure when `server.secure_cookies` is on.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::RngCore;
use sha2::{Digest, Sha256};
use tandem_store::{User, UserKind};

use crate::error::ApiError;
use crate::state::AppState;
use crate::time::now_ms;

pub const COOKIE: &str = "tandem_session";

/// The user behind the request, put in the request by `resolve_user`.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub User);

/// The SHA-256 of the session token the request is using (the new guest's, for a first
/// visit), so sign-in and sign-out can end exactly that session.
#[derive(Debug, Clone)]
pub struct SessionHash(pub Vec<u8>);

fn from_extensions<T: Clone + Send + Sync + 'static>(parts: &Parts) -> Result<T, ApiError> {
    parts
        .extensions
        .get::<T>()
        .cloned()
        .ok_or_else(|| ApiError::internal("identity", &"route without the identity layer"))
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        from_extensions(parts)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for SessionHash {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        from_extensions(parts)
    }
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_string())
        // Tokens are 64 hex digits; anything else is not ours.
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

pub async fn resolve_user(
    State(state): State<Arc<AppState>>,
    mut request: Request,
    next: Next,
) -> Response {
    let identity = match identify(&state, request.headers()).await {
        Ok(found) => found,
        Err(err) => return err.into_response(),
    };
    request.extensions_mut().insert(CurrentUser(identity.user));
    request
        .extensions_mut()
        .insert(SessionHash(identity.token_hash));
    let mut response = next.run(request).await;
    // A handler that set its own session cookie (sign-in, sign-out) has the last word.
    if !sets_session_cookie(&response) {
        set_cookie(&mut response, identity.new_cookie);
    }
    response
}

fn sets_session_cookie(response: &Response) -> bool {
    let prefix = format!("{COOKIE}=");
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.as_bytes().starts_with(prefix.as_bytes()))
}

pub struct Identity {
    pub user: User,
    pub token_hash: Vec<u8>,
    /// Set-Cookie value when a new guest was made.
    pub new_cookie: Option<String>,
}

/// The user behind the request's cookie, or a new guest with the cookie to set.
pub async fn identify(state: &AppState, headers: &HeaderMap) -> Result<Identity, ApiError> {
    let now = now_ms();
    if let Some(token) = cookie_token(headers) {
        let token_hash = hash(&token);
        if let Some(user) = state.store.user_by_session(&token_hash, now).await? {
            return Ok(Identity {
                user,
                token_hash,
                new_cookie: None,
            });
        }
    }
    new_guest(state).await
}

pub fn set_cookie(response: &mut Response, cookie: Option<String>) {
    if let Some(cookie) = cookie
        && let Ok(value) = HeaderValue::from_str(&cookie)
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// A new guest with its own session.
pub async fn new_guest(state: &AppState) -> Result<Identity, ApiError> {
    let user = state.store.create_guest(now_ms()).await?;
    let lifetime = u64::from(state.config.server.session_days) * 24 * 3600;
    let (token_hash, cookie) = start_session(state, &user.id, lifetime).await?;
    state.metrics.guests_created.inc();
    Ok(Identity {
        user,
        token_hash,
        new_cookie: Some(cookie),
    })
}

/// A new browser session of `user_id` with a fresh random token (256 bits) that lives
/// `lifetime` seconds. Returns the token's hash and the Set-Cookie value.
pub async fn start_session(
    state: &AppState,
    user_id: &str,
    lifetime: u64,
) -> Result<(Vec<u8>, String), ApiError> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let token_hash = hash(&token);
    let now = now_ms();
    let lifetime_ms = i64::try_from(lifetime.saturating_mul(1000)).unwrap_or(i64::MAX);
    state
        .store
        .create_web_session(user_id, &token_hash, now, now.saturating_add(lifetime_ms))
        .await?;
    Ok((token_hash, cookie(state, &token, lifetime)))
}

/// A session of an account: a fresh token for the `auth.session_seconds` lifetime.
pub async fn start_account_session(
    state: &AppState,
    user_id: &str,
) -> Result<(Vec<u8>, String), ApiError> {
    start_session(state, user_id, state.config.auth.session_seconds).await
}

fn cookie(state: &AppState, token: &str, max_age: u64) -> String {
    let secure = if state.config.server.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// The Set-Cookie value that makes the browser forget its session cookie.
pub fn clearing_cookie(state: &AppState) -> String {
    cookie(state, "", 0)
}

/// For routes only an account may use (profile, avatar, passkeys, password, sign-out …): a guest
/// gets 401 `sign_in_required`.
pub fn require_account(user: &User) -> Result<(), ApiError> {
    if user.kind == UserKind::Account {
        Ok(())
    } else {
        Err(ApiError::sign_in_required())
    }
}
