//! The OpenAPI description, generated from the handlers' annotations and the response types,
//! served at /api/openapi.json.

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use crate::routes::{
    account, admin, auth, avatar, identities, magic_link, meta, oidc, passkeys, password, problems,
    runs, sessions,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "Tandem API", description = "The practice app's HTTP API. Errors are {\"error\": {\"code\", \"message\"}}; see docs/api.md."),
    paths(
        meta::healthz, meta::languages,
        account::me, account::update_profile, password::set, account::export, account::delete_me,
        auth::signup, auth::signin, auth::signout, auth::signout_all,
        oidc::providers, oidc::start, oidc::callback,
        identities::list, identities::unlink,
        magic_link::methods, magic_link::request, magic_link::open, magic_link::redeem,
        avatar::put, avatar::delete, avatar::get,
        passkeys::auth::signup_start, passkeys::auth::signup_finish,
        passkeys::auth::signin_start, passkeys::auth::signin_finish,
        passkeys::mine::list, passkeys::mine::add_start, passkeys::mine::add_finish,
        passkeys::mine::rename, passkeys::mine::remove,
        admin::users, admin::set_role,
        problems::list, problems::get,
        sessions::get, sessions::set_language, sessions::timer, sessions::save_draft,
        sessions::reveal_hint, sessions::reveal_solutions, sessions::history,
        runs::create, runs::get, runs::cancel, runs::events,
    ),
    components(schemas(crate::error::ErrorBody, crate::error::ErrorDetail)),
    modifiers(&SharedErrors),
    tags(
        (name = "meta", description = "Health, languages"),
        (name = "account", description = "Who am I, profile, avatar, passkeys, linked providers, export, delete my data"),
        (name = "auth", description = "Sign-up, sign-in (password, passkey, an OpenID Connect provider or a mailed link), sign-out"),
        (name = "admin", description = "Users and roles (admins only)"),
        (name = "problems", description = "Browsing problems"),
        (name = "sessions", description = "A practice session: timer, drafts, hints, solutions, history"),
        (name = "runs", description = "Runs and submissions, with results pushed over SSE"),
    )
)]
pub struct ApiDoc;

/// Adds the error answers that come from the layers and extractors every route shares, not
/// from its handler, so the document lists every status a client can meet:
/// a body that is not JSON (415), unreadable (400), too large (413) or of the wrong shape (422);
/// a cross-site mutation
/// (403 `csrf`); an unknown id in the path (404); a malformed query (400).
struct SharedErrors;

impl Modify for SharedErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            let methods = [
                (&mut item.get, true),
                (&mut item.head, true),
                (&mut item.options, true),
                (&mut item.put, false),
                (&mut item.post, false),
                (&mut item.delete, false),
                (&mut item.patch, false),
            ];
            for (operation, safe) in methods {
                if let Some(operation) = operation {
                    add_shared_errors(operation, safe);
                }
            }
        }
    }
}

fn add_shared_errors(operation: &mut Operation, safe: bool) {
    let params = operation.parameters.as_deref().unwrap_or_default();
    let has_path = params.iter().any(|p| p.parameter_in == ParameterIn::Path);
    let has_query = params.iter().any(|p| p.parameter_in == ParameterIn::Query);
    let json_body = operation
        .request_body
        .as_ref()
        .is_some_and(|body| body.content.contains_key("application/json"));
    let mut shared: Vec<(&str, &str)> = Vec::new();
    if json_body {
        shared.push(("400", "the body is not valid JSON"));
        shared.push(("413", "the body is larger than limits.body_bytes"));
        shared.push((
            "415",
            "the body is not sent as Content-Type: application/json",
        ));
        shared.push((
            "422",
            "the JSON is not of this operation's shape, or breaks one of its rules",
        ));
    } else if has_query || has_path {
        shared.push(("400", "a malformed query or path parameter"));
    }
    if has_path {
        shared.push(("404", "nothing with this id or slug"));
    }
    if !safe {
        shared.push(("403", "csrf: a cross-site request"));
    }
    for (status, description) in shared {
        operation
            .responses
            .responses
            .entry(status.to_string())
            .or_insert_with(|| error_response(description).into());
    }
}

fn error_response(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use utoipa::OpenApi;

    use super::ApiDoc;

    #[test]
    fn operation_ids_are_unique() {
        let doc = serde_json::to_value(ApiDoc::openapi()).expect("the document serialises");
        let mut seen: HashMap<String, String> = HashMap::new();
        let paths = doc["paths"].as_object().expect("paths is an object");
        for (path, item) in paths {
            for (method, operation) in item.as_object().expect("a path item is an object") {
                let Some(id) = operation["operationId"].as_str() else {
                    continue;
                };
                let here = format!("{method} {path}");
                if let Some(before) = seen.insert(id.to_string(), here.clone()) {
                    panic!("operationId {id:?} is used by both {before} and {here}");
                }
            }
        }
        assert!(seen.len() > 20, "only {} operations described", seen.len());
    }

    #[test]
    fn every_operation_lists_the_shared_errors() {
        let doc = serde_json::to_value(ApiDoc::openapi()).expect("the document serialises");
        let runs = &doc["paths"]["/api/runs"]["post"]["responses"];
        for status in ["400", "403", "413", "415", "422"] {
            assert!(runs.get(status).is_some(), "POST /api/runs lacks {status}");
        }
        let problem = &doc["paths"]["/api/problems/{slug}"]["get"]["responses"];
        assert!(problem.get("404").is_some());
        assert!(
            problem.get("403").is_none(),
            "a GET cannot be refused as csrf"
        );
    }
}
