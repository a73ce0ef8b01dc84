//! The signed-in person's own data: who am I, profile, export, delete everything.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tandem_store::User;
use utoipa::ToSchema;

use crate::auth::validate;
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::identity::{CurrentUser, new_guest, require_account, set_cookie};
use crate::state::AppState;
use crate::time::now_ms;

#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: String,
    /// guest or account.
    pub kind: String,
    /// null for guests.
    pub username: Option<String>,
    pub display_name: String,
    pub email: Option<String>,
    pub bio: String,
    /// learner, interviewer, author or admin.
    pub role: String,
    pub created_at: i64,
    /// The avatar (a 256×256 PNG), with its version in the query so caches refresh when it
    /// changes; null without one.
    pub avatar_url: Option<String>,
    /// Whether the account has a password (changing it then needs the current one).
    pub has_password: bool,
}

impl From<&User> for Me {
    fn from(user: &User) -> Self {
        Me {
            id: user.id.clone(),
            kind: user.kind.as_str().into(),
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            email: user.email.clone(),
            bio: user.bio.clone(),
            role: user.role.as_str().into(),
            created_at: user.created_at,
            avatar_url: user
                .avatar_version
                .as_ref()
                .map(|version| format!("/api/users/{}/avatar?v={version}", user.id)),
            has_password: user.has_password,
        }
    }
}

#[utoipa::path(get, path = "/api/me", tag = "account", responses((status = 200, body = Me)))]
pub async fn me(CurrentUser(user): CurrentUser) -> Json<Me> {
    Json(Me::from(&user))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ProfileUpdate {
    /// At most 80 characters; absent keeps the current one.
    #[schema(max_length = 80)]
    pub display_name: Option<String>,
    /// At most 1000 characters; absent keeps the current one.
    #[schema(max_length = 1000)]
    pub bio: Option<String>,
}

#[utoipa::path(put, path = "/api/me/profile", tag = "account", request_body = ProfileUpdate,
    responses((status = 200, body = Me), (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "a field is over its limit")))]
pub async fn update_profile(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiJson(update): ApiJson<ProfileUpdate>,
) -> Result<Json<Me>, ApiError> {
    require_account(&user)?;
    let display_name = match update.display_name {
        Some(name) => validate::display_name(&name)?,
        None => user.display_name,
    };
    let bio = match update.bio {
        Some(bio) => validate::bio(&bio)?,
        None => user.bio,
    };
    let user = state
        .store
        .update_profile(&user.id, &display_name, &bio)
        .await?;
    Ok(Json(Me::from(&user)))
}

#[utoipa::path(get, path = "/api/me/export", tag = "account",
    responses((status = 200, description = "every stored row of mine as one JSON document (a download)")))]
pub async fn export(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
) -> Result<Response, ApiError> {
    let mut data = state.store.export_user(&user.id).await?;
    if let Some(object) = data.as_object_mut() {
        object.insert("exported_at".into(), now_ms().into());
    }
    let mut response = Json(data).into_response();
    response.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"tandem-export.json\""),
    );
    // Personal data: never kept by a shared cache.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[utoipa::path(delete, path = "/api/me", tag = "account",
    responses((status = 200, body = Me, description = "everything of mine is deleted; this is the fresh guest the browser now is")))]
pub async fn delete_me(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
) -> Result<Response, ApiError> {
    // One statement: the cascade from users removes sessions, drafts, runs and reveals.
    state.store.delete_user(&user.id).await?;
    tracing::info!(user = %user.id, "a user deleted their data");
    let guest = new_guest(&state).await?;
    let mut response = Json(Me::from(&guest.user)).into_response();
    set_cookie(&mut response, guest.new_cookie);
    Ok(response)
}
