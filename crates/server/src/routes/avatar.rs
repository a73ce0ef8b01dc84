//! Avatars: an account uploads a picture (raw body), we store our own 256×256 PNG of it, and
//! anyone can fetch it by user id. Served as a picture that cannot act as a page: PNG type,
//! nosniff, inline, and a CSP that forbids everything and sandboxes it.

use std::sync::Arc;

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use serde::Deserialize;
use tandem_store::Avatar;
use tokio::sync::Semaphore;
use utoipa::IntoParams;

use crate::avatar::{self, AvatarError};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiPath, ApiQuery};
use crate::identity::{CurrentUser, require_account};
use crate::routes::account::Me;
use crate::state::AppState;
use crate::time::now_ms;

/// Decoding is CPU-heavy: at most this many at once, the rest wait their turn.
static DECODES: Semaphore = Semaphore::const_new(2);

const AVATAR_CSP: &str = "default-src 'none'; sandbox";

fn unsupported() -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        AvatarError::UnsupportedType.to_string(),
    )
}

fn too_large(limit: usize) -> ApiError {
    ApiError::too_large("the picture", limit, "limits.avatar_bytes")
}

/// Bodies a little over the limit are read to the end (and dropped) before the 413, up to
/// this many times the limit: answering while the client is still sending makes the closing
/// socket reset the connection, and the client then sees a broken connection instead of our
/// message. Anything larger is refused at once.
const DRAIN_FACTOR: u64 = 4;

/// Reads at most `limit` bytes of the body: a declared or actual larger body is a 413.
async fn read_body(headers: &HeaderMap, body: Body, limit: usize) -> Result<Vec<u8>, ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(length) = declared.filter(|length| *length > limit as u64) {
        if length <= (limit as u64).saturating_mul(DRAIN_FACTOR) {
            let mut chunks = body.into_data_stream();
            while let Some(Ok(_)) = chunks.next().await {}
        }
        return Err(too_large(limit));
    }
    // The only way reading a body we bound can fail besides its size is a client that hangs
    // up mid-upload, which will not read our answer anyway.
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| too_large(limit))?;
    Ok(bytes.to_vec())
}

#[utoipa::path(put, path = "/api/me/avatar", tag = "account", operation_id = "put_avatar",
    request_body(description = "the picture's bytes, at most limits.avatar_bytes (2 MiB) and 4096×4096 pixels",
        content(("image/png"), ("image/jpeg"), ("image/webp"), ("image/gif"))),
    responses((status = 200, body = Me, description = "stored as a 256×256 PNG; avatar_url changed"),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest)"),
        (status = 413, body = ErrorBody, description = "larger than limits.avatar_bytes"),
        (status = 415, body = ErrorBody, description = "not PNG, JPEG, WebP or GIF"),
        (status = 422, body = ErrorBody, description = "cannot be decoded, or over 4096×4096 pixels")))]
pub async fn put(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Me>, ApiError> {
    require_account(&user)?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let format = avatar::format_of(content_type).map_err(|_| unsupported())?;
    let bytes = read_body(&headers, body, state.config.limits.avatar_bytes).await?;
    let png = {
        let _turn = DECODES
            .acquire()
            .await
            .map_err(|err| ApiError::internal("avatar", &err))?;
        tokio::task::spawn_blocking(move || avatar::reencode(&bytes, format))
            .await
            .map_err(|err| ApiError::internal("avatar", &err))?
    };
    let png = match png {
        Ok(png) => png,
        Err(err @ AvatarError::Encode(_)) => return Err(ApiError::internal("avatar", &err)),
        Err(err) => return Err(ApiError::invalid(err.to_string())),
    };
    let stored = Avatar {
        version: avatar::version(&png),
        png,
        updated_at: now_ms(),
    };
    let user = state.store.put_avatar(&user.id, &stored).await?;
    Ok(Json(Me::from(&user)))
}

#[utoipa::path(delete, path = "/api/me/avatar", tag = "account", operation_id = "delete_avatar",
    responses((status = 200, body = Me, description = "no avatar any more (also when there was none)"),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest)")))]
pub async fn delete(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<Me>, ApiError> {
    require_account(&user)?;
    let user = state.store.delete_avatar(&user.id).await?;
    Ok(Json(Me::from(&user)))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct AvatarQuery {
    /// The version from `avatar_url`; when it is the current one the answer may be cached for
    /// a year.
    #[param(max_length = 64)]
    pub v: Option<String>,
}

#[utoipa::path(get, path = "/api/users/{id}/avatar", tag = "account", operation_id = "get_avatar",
    params(("id" = String, Path, description = "the user's id"), AvatarQuery),
    responses((status = 200, content_type = "image/png", description = "the 256×256 PNG, with ETag"),
        (status = 304, description = "If-None-Match holds the current ETag"),
        (status = 404, body = ErrorBody, description = "no such user, or no avatar")))]
pub async fn get(
    State(state): State<Arc<AppState>>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<AvatarQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if query.v.as_ref().is_some_and(|v| v.len() > 64) {
        return Err(ApiError::bad_request(
            "v is at most 64 characters: use the avatar_url as given",
        ));
    }
    let Some(found) = state.store.avatar(&id).await? else {
        return Err(ApiError::not_found("this user has no avatar"));
    };
    let etag = format!("\"{}\"", found.version);
    // The versioned URL names these exact bytes, so it may be kept; the bare one is checked.
    let cache = if query.v.as_deref() == Some(found.version.as_str()) {
        "private, max-age=31536000, immutable"
    } else {
        "private, no-cache"
    };
    let matches = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| {
            let tag = tag.trim();
            tag == "*" || tag.trim_start_matches("W/") == etag
        });
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        found.png.into_response()
    };
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    };
    set(headers, header::CONTENT_TYPE, "image/png");
    set(
        headers,
        header::CONTENT_DISPOSITION,
        "inline; filename=\"avatar.png\"",
    );
    set(headers, header::CACHE_CONTROL, cache);
    set(headers, header::ETAG, &etag);
    set(headers, header::CONTENT_SECURITY_POLICY, AVATAR_CSP);
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    Ok(response)
}
