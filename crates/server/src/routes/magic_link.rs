//! Magic-link sign-in: ask for a link by email, open it, sign in. The answer to asking is the
//! same 202 whether or not an account has that address (no account enumeration). The mailed
//! link is a GET that only checks the link and sends the browser on to a page with a "Sign in"
//! button; the button's POST redeems the token. Mail scanners that fetch every link in a mail
//! therefore cannot use the link up.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use lettre::message::Mailbox;
use serde::{Deserialize, Serialize};
use tandem_store::{NewAccount, StoreError, User, UserKind};
use utoipa::{IntoParams, ToSchema};

use crate::auth::client_ip::ClientIp;
use crate::auth::magic::{new_token, token_hash, username_candidates};
use crate::auth::sign_in::sign_in_as;
use crate::auth::validate;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::identity::{CurrentUser, SessionHash};
use crate::routes::account::Me;
use crate::routes::auth::signed_in;
use crate::state::AppState;
use crate::time::now_ms;

/// Where the browser lands to confirm (web app route); the token rides in the fragment, which
/// browsers never send to a server or put in a Referer.
const CONFIRM_PAGE: &str = "/signin/magic";
const INVALID_PAGE: &str = "/signin?error=magic_link_invalid";

#[derive(Debug, Serialize, ToSchema)]
pub struct AuthMethods {
    /// Whether sign-in links by email are on (the server has `[smtp]`).
    pub magic_link: bool,
    /// Whether passkeys are on (off when the public origin is one browsers refuse them on).
    pub passkeys: bool,
}

#[utoipa::path(get, path = "/api/auth/methods", tag = "auth",
    responses((status = 200, body = AuthMethods, description = "the ways to sign in this server offers")))]
pub async fn methods(State(state): State<Arc<AppState>>) -> Json<AuthMethods> {
    Json(AuthMethods {
        magic_link: state.mailer.is_some(),
        passkeys: state.webauthn.is_some(),
    })
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MagicLinkRequest {
    /// The address to send the link to.
    #[schema(max_length = 254)]
    pub email: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MagicLinkSent {
    /// Always the same words, whether or not an account has the address.
    pub message: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MagicLinkVerify {
    /// The token from the link (64 hex digits).
    #[schema(max_length = 64)]
    pub token: String,
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct VerifyQuery {
    /// The token from the link.
    #[param(max_length = 64)]
    pub token: String,
}

fn magic_links_off() -> ApiError {
    ApiError::not_found(
        "sign-in links by email are not set up on this server; sign in with a password",
    )
}

fn invalid_link() -> ApiError {
    ApiError::unauthorized(
        "magic_link_invalid",
        "this sign-in link is invalid, used or expired; ask for a new one",
    )
}

/// The origin links point at: `server.public_origin`, else the address the server listens on
/// (never the request's Host header, which the asker controls).
fn link_origin(state: &AppState) -> Result<String, ApiError> {
    if let Some(origin) = &state.public_origin {
        return Ok(origin.clone());
    }
    state
        .listen_origin
        .get()
        .cloned()
        .ok_or_else(|| ApiError::internal("magic link", &"the server's origin is not known"))
}

#[utoipa::path(post, path = "/api/auth/magic-link", tag = "auth", request_body = MagicLinkRequest,
    responses((status = 202, body = MagicLinkSent, description = "a link is on its way if the address can get mail; the same answer for every valid address"),
        (status = 404, body = ErrorBody, description = "sign-in links are not set up on this server"),
        (status = 429, body = ErrorBody, description = "rate_limited, with Retry-After")))]
pub async fn request(
    State(state): State<Arc<AppState>>,
    ClientIp(ip): ClientIp,
    CurrentUser(user): CurrentUser,
    ApiJson(request): ApiJson<MagicLinkRequest>,
) -> Result<Response, ApiError> {
    let Some(mailer) = state.mailer.clone() else {
        return Err(magic_links_off());
    };
    let email = validate::email(Some(&request.email))?
        .ok_or_else(|| ApiError::invalid("email is required: the address to send the link to"))?;
    let to: Mailbox = email
        .parse()
        .map_err(|_| ApiError::invalid("email must look like name@example.org"))?;
    state
        .limits
        .magic_link
        .check(ip, &email.to_ascii_lowercase())?;
    let (token, hash) = new_token();
    let now = now_ms();
    let minutes = state.config.auth.magic_link_minutes;
    let lifetime = i64::try_from(minutes.saturating_mul(60_000)).unwrap_or(i64::MAX);
    state
        .store
        .create_magic_link(&hash, &email, &user.id, now, now.saturating_add(lifetime))
        .await?;
    let link = format!(
        "{}/api/auth/magic-link/verify?token={token}",
        link_origin(&state)?
    );
    mailer.send_sign_in_link(to, link, minutes);
    let body = MagicLinkSent {
        message: format!(
            "if the address can receive mail, a sign-in link is on its way; it works once, \
             within {minutes} minutes"
        ),
    };
    Ok((StatusCode::ACCEPTED, Json(body)).into_response())
}

#[utoipa::path(get, path = "/api/auth/magic-link/verify", tag = "auth", operation_id = "magic_link_open",
    params(VerifyQuery),
    responses((status = 303, description = "to /signin/magic#token=… (a page with a Sign in button) when the link is usable, else to /signin?error=magic_link_invalid; the link is not used up")))]
pub async fn open(
    State(state): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<VerifyQuery>,
) -> Result<Response, ApiError> {
    if query.token.len() > 64 {
        return Err(ApiError::bad_request(
            "the token is longer than any sign-in link's; open the link from the mail as it is",
        ));
    }
    let usable = match token_hash(&query.token) {
        Some(hash) if state.mailer.is_some() => {
            state.store.magic_link_usable(&hash, now_ms()).await?
        }
        _ => false,
    };
    let target = if usable {
        format!("{CONFIRM_PAGE}#token={}", query.token.trim())
    } else {
        INVALID_PAGE.to_string()
    };
    let mut response = Redirect::to(&target).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    Ok(response)
}

#[utoipa::path(post, path = "/api/auth/magic-link/verify", tag = "auth", operation_id = "magic_link_redeem",
    request_body = MagicLinkVerify,
    responses((status = 200, body = Me, description = "signed in (an account is made for an unknown address); new session cookie"),
        (status = 401, body = ErrorBody, description = "magic_link_invalid: unknown, used or expired"),
        (status = 404, body = ErrorBody, description = "sign-in links are not set up on this server")))]
pub async fn redeem(
    State(state): State<Arc<AppState>>,
    CurrentUser(current): CurrentUser,
    SessionHash(old_session): SessionHash,
    ApiJson(request): ApiJson<MagicLinkVerify>,
) -> Result<Response, ApiError> {
    if state.mailer.is_none() {
        return Err(magic_links_off());
    }
    let hash = token_hash(&request.token).ok_or_else(invalid_link)?;
    let link = state
        .store
        .consume_magic_link(&hash, now_ms())
        .await?
        .ok_or_else(invalid_link)?;
    // Only the browser that asked brings its guest along. A link opened elsewhere may have
    // been handed over by its asker (login CSRF): that browser's work must not join the
    // asker's account, so it signs in as if it had no guest (the guest is left as it is).
    let same_browser = current.id == link.requested_by;
    let account = match state.store.account_by_email(&link.email).await? {
        Some(account) => account,
        None => {
            let in_place = (same_browser && current.kind == UserKind::Guest).then_some(&current);
            new_account(&state, in_place, &link.email).await?
        }
    };
    tracing::info!(user = %account.id, same_browser, "signed in by a magic link");
    let signing_in = if same_browser {
        current
    } else {
        account.clone()
    };
    let (user, cookie) = sign_in_as(&state, &signing_in, &old_session, account).await?;
    Ok(signed_in(StatusCode::OK, &user, cookie))
}

/// An account for an address no account has: `guest` (the guest that asked, when the link is
/// opened in its browser) becomes it in place, else a fresh guest does. No password: it signs
/// in by email.
async fn new_account(
    state: &AppState,
    guest: Option<&User>,
    email: &str,
) -> Result<User, ApiError> {
    let guest_id = match guest {
        Some(guest) => guest.id.clone(),
        None => state.store.create_guest(now_ms()).await?.id,
    };
    for username in username_candidates(email) {
        let account = NewAccount {
            username,
            email: Some(email.to_string()),
            password_hash: None,
            // Redeeming the mailed link proved it.
            email_verified: true,
        };
        match state.store.convert_guest(&guest_id, &account).await {
            Ok(user) => return Ok(user),
            Err(StoreError::Taken { .. }) => continue,
            Err(other) => return Err(other.into()),
        }
    }
    Err(ApiError::conflict(
        "username_taken",
        "no free username could be made from this address; sign up with a username instead",
    ))
}
