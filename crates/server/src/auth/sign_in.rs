//! What every way of proving who you are ends with (password today; passkeys, OpenID Connect
//! and magic links share it): the guest's work joins the account, listed admins are promoted,
//! and a fresh session replaces the old one, so a token planted before sign-in is worthless.

use tandem_store::{Role, User, UserKind};

use crate::error::ApiError;
use crate::identity::start_account_session;
use crate::state::AppState;

/// Config-listed admins (`auth.admins`) are made admins when they sign up or sign in.
pub async fn promote_if_listed(state: &AppState, user: User) -> Result<User, ApiError> {
    let listed = user.username.as_ref().is_some_and(|name| {
        state
            .config
            .auth
            .admins
            .iter()
            .any(|a| a.eq_ignore_ascii_case(name))
    });
    if listed && user.role != Role::Admin {
        return Ok(state.store.set_role(&user.id, Role::Admin).await?);
    }
    Ok(user)
}

/// Signs the browser whose user is `current` (session `old_session`) in as `account`, already
/// proven. A guest is merged into the account (drafts: the newer wins) and deleted with its
/// session; anyone else's old session ends. Returns the account and the new session's
/// Set-Cookie value.
pub async fn sign_in_as(
    state: &AppState,
    current: &User,
    old_session: &[u8],
    account: User,
) -> Result<(User, String), ApiError> {
    if current.kind == UserKind::Guest && current.id != account.id {
        state.store.merge_guest(&current.id, &account.id).await?;
    } else {
        state.store.delete_web_session(old_session).await?;
    }
    let account = promote_if_listed(state, account).await?;
    let (_, cookie) = start_account_session(state, &account.id).await?;
    Ok((account, cookie))
}
