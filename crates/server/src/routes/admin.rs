//! Administration: list accounts, change roles. Admins only (403 `forbidden` for anyone else,
//! guests included).

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use tandem_store::{Role, User};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::identity::CurrentUser;
use crate::state::AppState;

pub const PER_PAGE: u32 = 50;
/// Fifty million accounts; a larger page number is a typo, not a request.
const MAX_PAGE: u32 = 1_000_000;

fn require_admin(user: &User) -> Result<(), ApiError> {
    if user.role == Role::Admin {
        Ok(())
    } else {
        Err(ApiError::forbidden("only an admin may do this"))
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserSummary {
    pub id: String,
    pub username: Option<String>,
    pub display_name: String,
    pub role: String,
    pub created_at: i64,
}

impl From<&User> for UserSummary {
    fn from(user: &User) -> Self {
        UserSummary {
            id: user.id.clone(),
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            role: user.role.as_str().into(),
            created_at: user.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserList {
    pub users: Vec<UserSummary>,
    /// 1-based.
    pub page: u64,
    pub per_page: u32,
    /// Accounts in all (guests are not listed).
    pub total: u64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 1-based; default 1.
    #[param(minimum = 1, maximum = 1_000_000)]
    pub page: Option<u32>,
}

#[utoipa::path(get, path = "/api/admin/users", tag = "admin", params(PageQuery),
    responses((status = 200, body = UserList), (status = 403, body = ErrorBody)))]
pub async fn users(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<UserList>, ApiError> {
    require_admin(&user)?;
    let page = query.page.unwrap_or(1);
    if !(1..=MAX_PAGE).contains(&page) {
        return Err(ApiError::bad_request(format!(
            "page counts from 1 to {MAX_PAGE}"
        )));
    }
    let offset = u64::from(page - 1) * u64::from(PER_PAGE);
    let found = state.store.list_users(offset, PER_PAGE).await?;
    Ok(Json(UserList {
        users: found.users.iter().map(UserSummary::from).collect(),
        page: u64::from(page),
        per_page: PER_PAGE,
        total: found.total,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct RoleChange {
    /// learner, interviewer, author or admin.
    pub role: String,
}

#[utoipa::path(put, path = "/api/admin/users/{id}/role", tag = "admin", request_body = RoleChange,
    params(("id" = String, Path, description = "the user's id")),
    responses((status = 200, body = UserSummary), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody, description = "own_role or a guest"),
        (status = 422, body = ErrorBody)))]
pub async fn set_role(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(change): ApiJson<RoleChange>,
) -> Result<Json<UserSummary>, ApiError> {
    require_admin(&user)?;
    let role = Role::parse(&change.role)
        .ok_or_else(|| ApiError::invalid("role must be learner, interviewer, author or admin"))?;
    // Keeps the last admin from locking everyone out by accident.
    if id == user.id {
        return Err(ApiError::conflict(
            "own_role",
            "you cannot change your own role; ask another admin",
        ));
    }
    let changed = state.store.set_role(&id, role).await?;
    tracing::info!(admin = %user.id, user = %id, role = role.as_str(), "role changed");
    Ok(Json(UserSummary::from(&changed)))
}
