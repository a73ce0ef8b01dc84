//! Cross-site request forgery: a state-changing API request (any method but GET, HEAD and
//! OPTIONS) made by a browser on behalf of another site is refused with 403 `csrf`.
//!
//! The session cookie is SameSite=Lax, which already keeps it off cross-site POSTs in current
//! browsers; this is the second wall, for older browsers and for same-site-but-cross-origin
//! pages (a sibling subdomain is "same-site"). Browsers send `Sec-Fetch-Site` on every request
//! (refused when `cross-site`) and `Origin` on every non-GET request (it must be ours: the
//! configured `server.public_origin`, or else the scheme-less origin must equal the Host the
//! request was sent to). A request with neither header is not from a browser that could be
//! tricked (curl, scripts), so it passes — it carries only the cookies its author gave it.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::state::AppState;

pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && let Err(reason) = check(request.headers(), state.public_origin.as_deref()) {
        state.metrics.csrf_refused.inc();
        return ApiError::new(
            StatusCode::FORBIDDEN,
            "csrf",
            format!("refused a cross-site request ({reason}); use the app's own pages"),
        )
        .into_response();
    }
    next.run(request).await
}

/// `Err(reason)` when the request comes from another site.
pub fn check(headers: &HeaderMap, public_origin: Option<&str>) -> Result<(), &'static str> {
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"cross-site"))
    {
        return Err("Sec-Fetch-Site is cross-site");
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(());
    };
    let origin = origin
        .to_str()
        .map_err(|_| "the Origin header is unreadable")?
        .trim_end_matches('/')
        .to_ascii_lowercase();
    let ours = match public_origin {
        Some(public) => origin == public,
        None => {
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .map(str::to_ascii_lowercase);
            let origin_host = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            host.is_some() && origin_host == host.as_deref()
        }
    };
    if ours {
        Ok(())
    } else {
        Err("the Origin is not this site")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn same_origin_and_headerless_requests_pass() {
        assert!(check(&headers(&[]), None).is_ok());
        let ours = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
            ("sec-fetch-site", "same-origin"),
        ]);
        assert!(check(&ours, None).is_ok());
        let proxied = headers(&[
            ("host", "backend:8080"),
            ("origin", "https://t.example.org"),
        ]);
        assert!(check(&proxied, Some("https://t.example.org")).is_ok());
    }

    #[test]
    fn cross_site_and_foreign_origins_are_refused() {
        assert!(check(&headers(&[("sec-fetch-site", "cross-site")]), None).is_err());
        let foreign = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "https://evil.example"),
        ]);
        assert!(check(&foreign, None).is_err());
        let null = headers(&[("host", "127.0.0.1:8080"), ("origin", "null")]);
        assert!(check(&null, None).is_err());
        let other_port = headers(&[("host", "127.0.0.1:8080"), ("origin", "http://127.0.0.1:9")]);
        assert!(check(&other_port, None).is_err());
        let proxied = headers(&[
            ("host", "t.example.org"),
            ("origin", "https://t.example.org"),
        ]);
        assert!(
            check(&proxied, Some("https://other.example.org")).is_err(),
            "the configured origin wins over Host"
        );
    }
}
