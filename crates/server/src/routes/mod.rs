//! The HTTP surface: `/api/...` (JSON, identity attached), `/healthz`, `/metrics`, and the web
//! app for every other path.

pub mod account;
pub mod admin;
pub mod auth;
pub mod avatar;
pub mod identities;
pub mod magic_link;
pub mod meta;
pub mod oidc;
pub mod passkeys;
pub mod password;
pub mod problems;
pub mod runs;
pub mod sessions;

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::assets;
use crate::auth::csrf;
use crate::error::ApiError;
use crate::identity::resolve_user;
use crate::metrics::RequestLabels;
use crate::state::AppState;

/// Scripts and styles from this origin only; no inline script; no framing.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// A year, subdomains included: sent only when `server.secure_cookies` says we are on HTTPS.
const HSTS: &str = "max-age=31536000; includeSubDomains";

pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/me", get(account::me).delete(account::delete_me))
        .route("/me/profile", put(account::update_profile))
        .route("/me/password", put(password::set))
        .route("/me/export", get(account::export))
        .route("/me/identities", get(identities::list))
        .route("/me/identities/{provider}", delete(identities::unlink))
        .route("/me/avatar", put(avatar::put).delete(avatar::delete))
        .route("/auth/methods", get(magic_link::methods))
        .route("/auth/magic-link", post(magic_link::request))
        .route(
            "/auth/magic-link/verify",
            get(magic_link::open).post(magic_link::redeem),
        )
        .route("/auth/signup", post(auth::signup))
        .route("/auth/signin", post(auth::signin))
        .route("/auth/signout", post(auth::signout))
        .route("/auth/signout-all", post(auth::signout_all))
        .route("/auth/providers", get(oidc::providers))
        .route("/auth/oidc/{id}/start", get(oidc::start))
        .route("/auth/oidc/{id}/callback", get(oidc::callback))
        .route(
            "/auth/passkey/signup/start",
            post(passkeys::auth::signup_start),
        )
        .route(
            "/auth/passkey/signup/finish",
            post(passkeys::auth::signup_finish),
        )
        .route(
            "/auth/passkey/signin/start",
            post(passkeys::auth::signin_start),
        )
        .route(
            "/auth/passkey/signin/finish",
            post(passkeys::auth::signin_finish),
        )
        .route("/me/passkeys", get(passkeys::mine::list))
        .route("/me/passkeys/start", post(passkeys::mine::add_start))
        .route("/me/passkeys/finish", post(passkeys::mine::add_finish))
        .route(
            "/me/passkeys/{id}",
            put(passkeys::mine::rename).delete(passkeys::mine::remove),
        )
        .route("/admin/users", get(admin::users))
        .route("/admin/users/{id}/role", put(admin::set_role))
        .route("/languages", get(meta::languages))
        .route("/problems", get(problems::list))
        .route("/problems/{slug}", get(problems::get))
        .route("/sessions/{slug}", get(sessions::get))
        .route("/sessions/{slug}/language", put(sessions::set_language))
        .route("/sessions/{slug}/timer", post(sessions::timer))
        .route(
            "/sessions/{slug}/drafts/{language}",
            put(sessions::save_draft),
        )
        .route("/sessions/{slug}/hints", post(sessions::reveal_hint))
        .route(
            "/sessions/{slug}/solutions",
            post(sessions::reveal_solutions),
        )
        .route("/sessions/{slug}/submissions", get(sessions::history))
        .route("/runs", post(runs::create))
        .route("/runs/{id}", get(runs::get).delete(runs::cancel))
        .route("/runs/{id}/events", get(runs::events))
        .route_layer(from_fn_with_state(Arc::clone(&state), resolve_user))
        // Outside the identity layer: a picture in someone's page, or fetched by any client,
        // must not make a guest (and a cookie) for every viewer.
        .route("/users/{id}/avatar", get(avatar::get))
        .route("/openapi.json", get(meta::openapi))
        .fallback(meta::not_found)
        .method_not_allowed_fallback(meta::method_not_allowed)
        // Outside the identity layer: a forged request is refused before it can even make a
        // guest.
        .layer(from_fn_with_state(Arc::clone(&state), csrf::guard));
    let body_limit = state.config.limits.body_bytes;
    // Only over HTTPS: HSTS on a plain-HTTP deployment would lock browsers out of it.
    let hsts = state
        .config
        .server
        .secure_cookies
        .then_some(HeaderValue::from_static(HSTS));
    Router::new()
        .route("/healthz", get(meta::healthz))
        .route("/metrics", get(meta::metrics))
        .nest("/api", api)
        .fallback(assets::serve)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(from_fn_with_state(Arc::clone(&state), observe))
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::internal("handler", &"a request handler panicked").into_response()
        }))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            move |_: &Response| hsts.clone(),
        ))
        .with_state(state)
}

/// Counts and logs every request by route pattern (never the raw path).
async fn observe(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let route = request.extensions().get::<MatchedPath>().map_or_else(
        || fallback_route(request.uri().path()),
        |m| m.as_str().to_string(),
    );
    let response = next.run(request).await;
    let status = response.status();
    state
        .metrics
        .requests
        .get_or_create(&RequestLabels {
            method: method.clone(),
            route: route.clone(),
            status: status.as_u16(),
        })
        .inc();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if status.is_server_error() {
        tracing::warn!(method, route, status = status.as_u16(), ms, "request");
    } else if status != StatusCode::NOT_MODIFIED {
        tracing::debug!(method, route, status = status.as_u16(), ms, "request");
    }
    response
}

fn fallback_route(path: &str) -> String {
    if path.starts_with("/api/") {
        "/api/*".into()
    } else {
        "/*".into()
    }
}
