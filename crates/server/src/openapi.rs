//! The OpenAPI description, generated from the handlers' annotations and the response types,
//! served at /api/openapi.json.

use utoipa::OpenApi;

use crate::routes::{account, admin, auth, meta, problems, runs, sessions};

#[derive(OpenApi)]
#[openapi(
    info(title = "Tandem API", description = "The practice app's HTTP API. Errors are {\"error\": {\"code\", \"message\"}}; see docs/api.md."),
    paths(
        meta::healthz, meta::languages,
        account::me, account::update_profile, account::export, account::delete_me,
        auth::signup, auth::signin, auth::signout, auth::signout_all,
        admin::users, admin::set_role,
        problems::list, problems::get,
        sessions::get, sessions::set_language, sessions::timer, sessions::save_draft,
        sessions::reveal_hint, sessions::reveal_solutions, sessions::history,
        runs::create, runs::get, runs::cancel, runs::events,
    ),
    components(schemas(crate::error::ErrorBody, crate::error::ErrorDetail)),
    tags(
        (name = "meta", description = "Health, languages"),
        (name = "account", description = "Who am I, profile, export, delete my data"),
        (name = "auth", description = "Sign-up, sign-in, sign-out"),
        (name = "admin", description = "Users and roles (admins only)"),
        (name = "problems", description = "Browsing problems"),
        (name = "sessions", description = "A practice session: timer, drafts, hints, solutions, history"),
        (name = "runs", description = "Runs and submissions, with results pushed over SSE"),
    )
)]
pub struct ApiDoc;
