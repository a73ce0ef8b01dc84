//! The signed-in account's identities at OpenID Connect providers: list and unlink. Linking
//! is a browser navigation (`/api/auth/oidc/{id}/start?link=1`, in `routes/oidc.rs`).

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use tandem_store::StoreError;
use utoipa::ToSchema;

use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiPath;
use crate::identity::{CurrentUser, require_account};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct IdentityView {
    /// The provider's id.
    pub provider: String,
    /// The provider's display name (its id if it is no longer configured).
    pub name: String,
    /// From a verified email claim, if the provider gave one.
    pub email: Option<String>,
    pub created_at: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IdentityList {
    pub identities: Vec<IdentityView>,
}

#[utoipa::path(get, path = "/api/me/identities", tag = "account", operation_id = "list_identities",
    responses((status = 200, body = IdentityList, description = "providers linked to my account (empty for a guest)")))]
pub async fn list(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
) -> Result<Json<IdentityList>, ApiError> {
    let identities = state
        .store
        .identities(&user.id)
        .await?
        .into_iter()
        .map(|identity| IdentityView {
            name: state
                .oidc
                .get(&identity.provider)
                .map_or_else(|| identity.provider.clone(), |p| p.config.name.clone()),
            provider: identity.provider,
            email: identity.email,
            created_at: identity.created_at,
        })
        .collect();
    Ok(Json(IdentityList { identities }))
}

#[utoipa::path(delete, path = "/api/me/identities/{provider}", tag = "account", operation_id = "unlink_identity",
    params(("provider" = String, Path, description = "the provider's id", max_length = 32)),
    responses((status = 204, description = "unlinked"),
        (status = 401, body = ErrorBody, description = "sign_in_required (a guest)"),
        (status = 404, body = ErrorBody, description = "no identity at this provider"),
        (status = 409, body = ErrorBody, description = "last_sign_in_method: no password, passkey or other provider")))]
pub async fn unlink(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(provider): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    require_account(&user)?;
    match state.store.unlink_identity(&user.id, &provider).await {
        Ok(()) => {
            tracing::info!(user = %user.id, provider = %provider, "identity unlinked");
            Ok(StatusCode::NO_CONTENT)
        }
        Err(StoreError::WrongState(_)) => Err(ApiError::conflict(
            "last_sign_in_method",
            "this provider is the only way to sign in to your account; link another provider \
             before unlinking it",
        )),
        Err(StoreError::NotFound { .. }) => Err(ApiError::not_found(
            "no identity at this provider is linked to your account",
        )),
        Err(err) => Err(err.into()),
    }
}
