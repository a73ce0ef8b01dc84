//! Runs and submissions: create (queued), read, cancel, and the live event stream.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream, StreamExt};
use serde::{Deserialize, Serialize};
use tandem_store::{RunKind, RunRecord, RunStatus, User};
use tokio_stream::wrappers::BroadcastStream;
use utoipa::ToSchema;

use crate::auth::client_ip::ClientIp;
use crate::error::{ApiError, ErrorBody};
use crate::events::RunEvent;
use crate::extract::{ApiJson, ApiPath};
use crate::identity::CurrentUser;
use crate::queue::{Cancelled, QueueError, RunJob};
use crate::routes::problems::no_problem;
use crate::routes::sessions::problem_language;
use crate::state::AppState;
use crate::time::now_ms;
use crate::views::RunView;

#[derive(Debug, Deserialize, ToSchema)]
pub struct RunRequest {
    /// The problem's slug.
    pub problem: String,
    pub language: String,
    pub code: String,
    /// run (public tests), submit (all tests) or custom (`custom_input`).
    pub kind: String,
    pub custom_input: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RunAccepted {
    pub id: String,
    pub status: String,
    /// Place in line, 1 = next.
    pub position: usize,
}

#[utoipa::path(post, path = "/api/runs", tag = "runs", request_body = RunRequest,
    responses((status = 202, body = RunAccepted), (status = 404, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 429, body = ErrorBody, description = "queue_full, too_many_runs or rate_limited; see Retry-After")))]
pub async fn create(
    State(state): State<Arc<AppState>>,
    ClientIp(ip): ClientIp,
    CurrentUser(user): CurrentUser,
    ApiJson(request): ApiJson<RunRequest>,
) -> Result<Response, ApiError> {
    state.limits.runs.check(ip, &user.id)?;
    let entry = state
        .bank
        .get(&request.problem)
        .ok_or_else(|| no_problem(&request.problem))?;
    let language = problem_language(entry, &request.language)?;
    if let Some(view) = state
        .languages
        .iter()
        .find(|l| l.id == language.as_str() && !l.available)
    {
        return Err(ApiError::invalid(format!(
            "{} is not available on this server: {}",
            view.name,
            view.reason
                .as_deref()
                .unwrap_or("its toolchain was not found")
        )));
    }
    let kind = RunKind::parse(&request.kind)
        .ok_or_else(|| ApiError::invalid("kind must be run, submit or custom"))?;
    let limits = &state.config.limits;
    if request.code.len() > limits.code_bytes {
        return Err(ApiError::too_large(
            "the code",
            limits.code_bytes,
            "limits.code_bytes",
        ));
    }
    let custom_input = match (kind, request.custom_input) {
        (RunKind::Custom, Some(input)) => {
            if input.len() > limits.custom_input_bytes {
                return Err(ApiError::too_large(
                    "the custom input",
                    limits.custom_input_bytes,
                    "limits.custom_input_bytes",
                ));
            }
            Some(input)
        }
        (RunKind::Custom, None) => {
            return Err(ApiError::invalid("a custom run needs custom_input"));
        }
        (_, _) => None,
    };
    let run = RunRecord {
        id: uuid::Uuid::new_v4().simple().to_string(),
        user_id: user.id.clone(),
        slug: entry.view.summary.slug.clone(),
        language: language.as_str().into(),
        kind,
        code: request.code,
        custom_input,
        status: RunStatus::Queued,
        verdict: None,
        passed: 0,
        total: 0,
        report: None,
        created_at: now_ms(),
        started_at: None,
        finished_at: None,
    };
    // Stored before it is queued, so a worker always finds it.
    state.store.insert_run(&run).await?;
    state.hub.open(&run.id);
    let job = RunJob {
        run_id: run.id.clone(),
        user_id: user.id.clone(),
        slug: run.slug.clone(),
        language,
        kind,
        code: run.code.clone(),
        custom_input: run.custom_input.clone(),
    };
    match state.queue.enqueue(job) {
        Ok(position) => {
            state.hub.publish(&run.id, RunEvent::Queued { position });
            let body = RunAccepted {
                id: run.id,
                status: "queued".into(),
                position,
            };
            Ok((StatusCode::ACCEPTED, Json(body)).into_response())
        }
        Err(refusal) => {
            state.hub.finish(
                &run.id,
                RunEvent::Done {
                    run: serde_json::Value::Null,
                },
            );
            // A refused run never happened: it leaves no trace in the history.
            state.store.delete_run(&run.id).await?;
            state.metrics.refused_runs.inc();
            let (code, retry_after) = match refusal {
                QueueError::Full { retry_after, .. } => ("queue_full", retry_after),
                QueueError::UserLimit { retry_after, .. } => ("too_many_runs", retry_after),
            };
            Err(ApiError::busy(code, refusal.to_string(), retry_after))
        }
    }
}

/// The run if it exists and belongs to `user`; another user's run is "not found" too.
async fn own_run(state: &AppState, user: &User, id: &str) -> Result<RunRecord, ApiError> {
    match state.store.run(id).await? {
        Some(run) if run.user_id == user.id => Ok(run),
        _ => Err(ApiError::not_found("no such run")),
    }
}

#[utoipa::path(get, path = "/api/runs/{id}", tag = "runs", operation_id = "get_run", params(("id" = String, Path)),
    responses((status = 200, body = RunView), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<RunView>, ApiError> {
    let run = own_run(&state, &user, &id).await?;
    Ok(Json(RunView::full(&run)))
}

#[utoipa::path(delete, path = "/api/runs/{id}", tag = "runs", params(("id" = String, Path)),
    responses((status = 200, body = RunView), (status = 404, body = ErrorBody)))]
pub async fn cancel(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<RunView>, ApiError> {
    let mut run = own_run(&state, &user, &id).await?;
    if run.status.is_final() {
        return Ok(Json(RunView::full(&run)));
    }
    match state.queue.cancel(&id) {
        Cancelled::WasWaiting(_) => {
            run.status = RunStatus::Cancelled;
            run.finished_at = Some(now_ms());
            state.store.update_run(&run).await?;
            let view = RunView::full(&run);
            state.hub.finish(&id, RunEvent::Done { run: view.json() });
            Ok(Json(view))
        }
        // The worker records the end; the event stream reports it.
        Cancelled::Signalled | Cancelled::NotHere => {
            let run = own_run(&state, &user, &id).await?;
            Ok(Json(RunView::full(&run)))
        }
    }
}

#[utoipa::path(get, path = "/api/runs/{id}/events", tag = "runs", params(("id" = String, Path)),
    responses((status = 200, content_type = "text/event-stream",
        description = "queued, started, test and done events (docs/api.md)"),
        (status = 404, body = ErrorBody)))]
pub async fn events(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    let run = own_run(&state, &user, &id).await?;
    let events: std::pin::Pin<Box<dyn Stream<Item = RunEvent> + Send>> =
        match state.hub.subscribe(&id) {
            Some((log, live)) => {
                let live = BroadcastStream::new(live).filter_map(|item| async move { item.ok() });
                Box::pin(stream::iter(log).chain(live))
            }
            None if run.status.is_final() => Box::pin(stream::iter([RunEvent::Done {
                run: RunView::full(&run).json(),
            }])),
            // Live elsewhere (another server of a scaled-out deployment): follow the store.
            None => Box::pin(follow_store(Arc::clone(&state), id.clone())),
        };
    let until_done = events.scan(false, |finished, event| {
        let emit = if *finished { None } else { Some(event) };
        if let Some(RunEvent::Done { .. }) = &emit {
            *finished = true;
        }
        futures_util::future::ready(emit)
    });
    let sse = until_done.map(|event| {
        Ok::<Event, Infallible>(
            Event::default()
                .event(event.name())
                .data(event.data().to_string()),
        )
    });
    Ok(Sse::new(sse)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response())
}

/// Polls the store until the run ends, then yields its `done` event.
fn follow_store(state: Arc<AppState>, id: String) -> impl Stream<Item = RunEvent> + Send {
    stream::unfold(Some((state, id)), |next| async move {
        let (state, id) = next?;
        loop {
            match state.store.run(&id).await {
                Ok(Some(run)) if run.status.is_final() => {
                    return Some((
                        RunEvent::Done {
                            run: RunView::full(&run).json(),
                        },
                        None,
                    ));
                }
                Ok(Some(_)) => tokio::time::sleep(Duration::from_millis(250)).await,
                Ok(None) | Err(_) => return None,
            }
        }
    })
}
