//! The web app's built files, embedded in the binary at compile time (`build.rs` picks
//! `web/dist`, or a placeholder page when the app was not built). Client routes get
//! `index.html`; hashed files under `/assets/` are cached for a year.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use rust_embed::Embed;

use crate::identity::{identify, set_cookie};
use crate::state::AppState;

#[derive(Embed)]
#[folder = "$TANDEM_WEB_DIST"]
struct Assets;

pub async fn serve(State(state): State<Arc<AppState>>, headers: HeaderMap, uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let is_document = path.is_empty() || path == "index.html";
    if !is_document && let Some(response) = file(path) {
        return response;
    }
    // A path with an extension names a file: a missing one is a 404, not the app.
    let last = path.rsplit('/').next().unwrap_or("");
    if !is_document && last.contains('.') {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let Some(mut response) = file("index.html") else {
        return (StatusCode::NOT_FOUND, "the web app is not built").into_response();
    };
    match identify(&state, &headers).await {
        Ok(identity) => set_cookie(&mut response, identity.new_cookie),
        Err(err) => return err.into_response(),
    }
    response
}

fn file(path: &str) -> Option<Response> {
    let path = if path.is_empty() { "index.html" } else { path };
    let asset = Assets::get(path)?;
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let cache = if path.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = (StatusCode::OK, asset.data.into_owned()).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(mime.as_ref()) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    Some(response)
}

/// Whether the real web app (not the placeholder) is embedded.
pub fn web_app_built() -> bool {
    Assets::iter().any(|p| p.starts_with("assets/"))
}
