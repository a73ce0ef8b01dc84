//! Who is asking: the `tandem_session` cookie names a browser session; a request without a
//! valid one gets a new guest and the cookie. Only the SHA-256 of the token is stored.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::RngCore;
use sha2::{Digest, Sha256};
use tandem_store::User;

use crate::error::ApiError;
use crate::state::AppState;
use crate::time::now_ms;

pub const COOKIE: &str = "tandem_session";

/// The user behind the request, put in the request by `resolve_user`.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub User);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<CurrentUser>()
            .cloned()
            .ok_or_else(|| ApiError::internal("identity", &"route without the identity layer"))
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
    let (user, new_cookie) = match identify(&state, request.headers()).await {
        Ok(found) => found,
        Err(err) => return err.into_response(),
    };
    request.extensions_mut().insert(CurrentUser(user));
    let mut response = next.run(request).await;
    set_cookie(&mut response, new_cookie);
    response
}

/// The user behind the request's cookie, or a new guest with the cookie to set.
pub async fn identify(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<(User, Option<String>), ApiError> {
    let now = now_ms();
    if let Some(token) = cookie_token(headers)
        && let Some(user) = state.store.user_by_session(&hash(&token), now).await?
    {
        return Ok((user, None));
    }
    new_guest(state, now).await
}

pub fn set_cookie(response: &mut Response, cookie: Option<String>) {
    if let Some(cookie) = cookie
        && let Ok(value) = HeaderValue::from_str(&cookie)
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

async fn new_guest(state: &AppState, now: i64) -> Result<(User, Option<String>), ApiError> {
    let user = state.store.create_guest(now).await?;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let days = i64::from(state.config.server.session_days);
    let max_age = days * 24 * 3600;
    state
        .store
        .create_web_session(&user.id, &hash(&token), now, now + max_age * 1000)
        .await?;
    state.metrics.guests_created.inc();
    let cookie = format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}");
    Ok((user, Some(cookie)))
}
