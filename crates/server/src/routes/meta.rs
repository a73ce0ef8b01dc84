//! Operating the app: health, metrics, the OpenAPI description, who am I, which languages.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tandem_judge::{Availability, Toolchains};
use utoipa::{OpenApi, ToSchema};

use crate::error::ApiError;
use crate::openapi::ApiDoc;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LanguageView {
    pub id: String,
    pub name: String,
    pub version: Option<String>,
    pub available: bool,
    /// Why the language cannot be used on this server.
    pub reason: Option<String>,
}

pub fn language_views(toolchains: &Toolchains) -> Vec<LanguageView> {
    toolchains
        .iter()
        .map(|(language, availability)| {
            let (version, reason) = match availability {
                Availability::Available(t) => (Some(t.version.clone()), None),
                Availability::Unavailable { reason } => (None, Some(reason.clone())),
            };
            LanguageView {
                id: language.as_str().into(),
                name: display_name(language.as_str()).into(),
                available: version.is_some(),
                version,
                reason,
            }
        })
        .collect()
}

fn display_name(id: &str) -> &'static str {
    match id {
        "python" => "Python",
        "javascript" => "JavaScript",
        "typescript" => "TypeScript",
        "c" => "C",
        "cpp" => "C++",
        "java" => "Java",
        "rust" => "Rust",
        "go" => "Go",
        "sql" => "SQL",
        _ => "Other",
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// ok, or degraded when the database does not answer.
    pub status: String,
    pub database: String,
    pub workers: usize,
    pub problems: usize,
}

#[utoipa::path(get, path = "/healthz", tag = "meta",
    responses((status = 200, body = Health), (status = 503, body = Health)))]
pub async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    let database = state.store.ping().await;
    let ok = database.is_ok();
    if let Err(err) = &database {
        tracing::warn!(error = %err, "health check: the database does not answer");
    }
    let body = Health {
        status: if ok { "ok" } else { "degraded" }.into(),
        database: if ok { "ok" } else { "unavailable" }.into(),
        workers: state.queue.stats().workers,
        problems: state.bank.len(),
    };
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body)).into_response()
}

pub async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    let stats = state.queue.stats();
    state.metrics.queue_waiting.set(stats.waiting as i64);
    state.metrics.queue_running.set(stats.running as i64);
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

pub async fn openapi() -> Response {
    Json(ApiDoc::openapi()).into_response()
}

#[utoipa::path(get, path = "/api/languages", tag = "meta",
    responses((status = 200, body = Vec<LanguageView>)))]
pub async fn languages(State(state): State<Arc<AppState>>) -> Json<Vec<LanguageView>> {
    Json(state.languages.clone())
}

/// Unknown `/api/...` paths.
pub async fn not_found() -> ApiError {
    ApiError::not_found("no such API route; see /api/openapi.json")
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this route does not accept that method; see /api/openapi.json",
    )
}
