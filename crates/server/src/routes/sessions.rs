//! A learner's practice session on one problem: language, timer, drafts, hints, solutions and
//! the history of runs.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use tandem_judge::Language;
use tandem_store::{Draft, ProblemSession, Reveal, RevealKind, RunKind, RunStatus, User};
use utoipa::{IntoParams, ToSchema};

use crate::bank::{BankEntry, SolutionView};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::identity::CurrentUser;
use crate::routes::problems::no_problem;
use crate::state::AppState;
use crate::time::now_ms;
use crate::views::{DraftView, HintView, RunView, SessionView, TimerView};

fn entry<'a>(state: &'a AppState, slug: &str) -> Result<&'a BankEntry, ApiError> {
    state.bank.get(slug).ok_or_else(|| no_problem(slug))
}

/// The language id if the problem accepts it.
pub fn problem_language(entry: &BankEntry, language: &str) -> Result<Language, ApiError> {
    if entry.view.summary.languages.iter().any(|l| l == language)
        && let Ok(parsed) = language.parse::<Language>()
    {
        return Ok(parsed);
    }
    let shown: String = language.chars().take(40).collect();
    Err(ApiError::invalid(format!(
        "{} cannot be solved in {shown:?}; use one of: {}",
        entry.view.summary.slug,
        entry.view.summary.languages.join(", ")
    )))
}

/// The stored session, or a new one with the timer running from now.
pub async fn load_or_start(
    state: &AppState,
    user: &User,
    entry: &BankEntry,
) -> Result<ProblemSession, ApiError> {
    let slug = &entry.view.summary.slug;
    if let Some(session) = state.store.problem_session(&user.id, slug).await? {
        return Ok(session);
    }
    let languages = &entry.view.summary.languages;
    let language = languages
        .iter()
        .find(|l| *l == "python")
        .or_else(|| languages.first())
        .cloned()
        .unwrap_or_default();
    let now = now_ms();
    let session = ProblemSession {
        user_id: user.id.clone(),
        slug: slug.clone(),
        language,
        started_at: now,
        elapsed_ms: 0,
        running_since: Some(now),
        stopped_at: None,
    };
    state.store.put_problem_session(&session).await?;
    Ok(session)
}

async fn session_view(
    state: &AppState,
    user: &User,
    entry: &BankEntry,
    session: &ProblemSession,
) -> Result<SessionView, ApiError> {
    let slug = &entry.view.summary.slug;
    let drafts = state
        .store
        .drafts(&user.id, slug)
        .await?
        .iter()
        .map(|d| (d.language.clone(), DraftView::from(d)))
        .collect();
    let reveals = state.store.reveals(&user.id, slug).await?;
    let mut hints: Vec<HintView> = reveals
        .iter()
        .filter(|r| r.kind == RevealKind::Hint)
        .filter_map(|r| {
            let text = entry.problem.hints.get((r.tier as usize).checked_sub(1)?)?;
            Some(HintView {
                tier: r.tier,
                text: text.clone(),
            })
        })
        .collect();
    hints.sort_by_key(|h| h.tier);
    let solutions = reveals
        .iter()
        .any(|r| r.kind == RevealKind::Solution)
        .then(|| entry.solutions.clone());
    let solved = session.stopped_at.is_some()
        || state
            .store
            .runs_for(&user.id, slug, &[RunKind::Submit], 200)
            .await?
            .iter()
            .any(|r| r.verdict.as_deref() == Some("accepted"));
    Ok(SessionView {
        slug: slug.clone(),
        language: session.language.clone(),
        drafts,
        timer: TimerView::of(session, entry.problem.time_estimate_minutes, now_ms()),
        hints,
        hint_count: entry.problem.hints.len(),
        solutions,
        solved,
    })
}

#[utoipa::path(get, path = "/api/sessions/{slug}", tag = "sessions", operation_id = "get_session",
    params(("slug" = String, Path)),
    responses((status = 200, body = SessionView), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<SessionView>, ApiError> {
    let entry = entry(&state, &slug)?;
    let session = load_or_start(&state, &user, entry).await?;
    Ok(Json(session_view(&state, &user, entry, &session).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct LanguageChoice {
    pub language: String,
}

#[utoipa::path(put, path = "/api/sessions/{slug}/language", tag = "sessions",
    params(("slug" = String, Path)), request_body = LanguageChoice,
    responses((status = 200, body = SessionView), (status = 422, body = ErrorBody)))]
pub async fn set_language(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(slug): ApiPath<String>,
    ApiJson(choice): ApiJson<LanguageChoice>,
) -> Result<Json<SessionView>, ApiError> {
    let entry = entry(&state, &slug)?;
    let language = problem_language(entry, &choice.language)?;
    let mut session = load_or_start(&state, &user, entry).await?;
    session.language = language.as_str().into();
    state.store.put_problem_session(&session).await?;
    Ok(Json(session_view(&state, &user, entry, &session).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimerAction {
    Pause,
    Resume,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TimerRequest {
    pub action: TimerAction,
}

#[utoipa::path(post, path = "/api/sessions/{slug}/timer", tag = "sessions",
    params(("slug" = String, Path)), request_body = TimerRequest,
    responses((status = 200, body = TimerView), (status = 409, body = ErrorBody)))]
pub async fn timer(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(slug): ApiPath<String>,
    ApiJson(request): ApiJson<TimerRequest>,
) -> Result<Json<TimerView>, ApiError> {
    let entry = entry(&state, &slug)?;
    let mut session = load_or_start(&state, &user, entry).await?;
    if session.stopped_at.is_some() {
        return Err(ApiError::conflict(
            "timer_stopped",
            "the timer stopped when this problem was solved",
        ));
    }
    let now = now_ms();
    match (request.action, session.running_since) {
        (TimerAction::Pause, Some(since)) => {
            session.elapsed_ms += (now - since).max(0);
            session.running_since = None;
        }
        (TimerAction::Resume, None) => session.running_since = Some(now),
        // Pausing a paused timer or resuming a running one changes nothing.
        _ => {}
    }
    state.store.put_problem_session(&session).await?;
    Ok(Json(TimerView::of(
        &session,
        entry.problem.time_estimate_minutes,
        now,
    )))
}

/// Stops the timer for good (an accepted submission).
pub fn stop_timer(session: &mut ProblemSession, now: i64) {
    if session.stopped_at.is_some() {
        return;
    }
    if let Some(since) = session.running_since.take() {
        session.elapsed_ms += (now - since).max(0);
    }
    session.stopped_at = Some(now);
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct DraftRequest {
    pub code: String,
    /// When the browser made the edit (ms since the epoch, its clock).
    #[schema(minimum = 0)]
    pub client_updated_at: i64,
}

#[utoipa::path(put, path = "/api/sessions/{slug}/drafts/{language}", tag = "sessions",
    params(("slug" = String, Path), ("language" = String, Path)), request_body = DraftRequest,
    responses((status = 200, body = DraftView), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn save_draft(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath((slug, language)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<DraftRequest>,
) -> Result<Json<DraftView>, ApiError> {
    let entry = entry(&state, &slug)?;
    let language = problem_language(entry, &language)?;
    let limit = state.config.limits.code_bytes;
    if request.code.len() > limit {
        return Err(ApiError::too_large("the draft", limit, "limits.code_bytes"));
    }
    if request.client_updated_at < 0 {
        return Err(ApiError::invalid("client_updated_at must not be negative"));
    }
    let now = now_ms();
    let draft = Draft {
        user_id: user.id.clone(),
        slug: slug.clone(),
        language: language.as_str().into(),
        code: request.code,
        // A browser clock far ahead would pin its draft forever; nothing is newer than now.
        client_updated_at: request.client_updated_at.min(now),
        saved_at: now,
    };
    let stored = state.store.save_draft(&draft).await?;
    Ok(Json(DraftView::from(&stored)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HintReveal {
    pub tier: u32,
    pub text: String,
    pub total: usize,
}

#[utoipa::path(post, path = "/api/sessions/{slug}/hints", tag = "sessions",
    params(("slug" = String, Path)),
    responses((status = 200, body = HintReveal), (status = 409, body = ErrorBody)))]
pub async fn reveal_hint(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<HintReveal>, ApiError> {
    let entry = entry(&state, &slug)?;
    load_or_start(&state, &user, entry).await?;
    let shown = state
        .store
        .reveals(&user.id, &slug)
        .await?
        .iter()
        .filter(|r| r.kind == RevealKind::Hint)
        .count();
    let total = entry.problem.hints.len();
    let Some(text) = entry.problem.hints.get(shown) else {
        return Err(ApiError::conflict(
            "no_more_hints",
            format!("all {total} hints are already shown"),
        ));
    };
    let tier = u32::try_from(shown + 1).unwrap_or(u32::MAX);
    state
        .store
        .record_reveal(&Reveal {
            user_id: user.id.clone(),
            slug: slug.clone(),
            kind: RevealKind::Hint,
            tier,
            at: now_ms(),
        })
        .await?;
    Ok(Json(HintReveal {
        tier,
        text: text.clone(),
        total,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SolutionsReveal {
    pub solutions: Vec<SolutionView>,
}

#[utoipa::path(post, path = "/api/sessions/{slug}/solutions", tag = "sessions",
    params(("slug" = String, Path)),
    responses((status = 200, body = SolutionsReveal), (status = 404, body = ErrorBody)))]
pub async fn reveal_solutions(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<SolutionsReveal>, ApiError> {
    let entry = entry(&state, &slug)?;
    if entry.solutions.is_empty() {
        return Err(ApiError::not_found(
            "this problem has no reference solutions",
        ));
    }
    load_or_start(&state, &user, entry).await?;
    state
        .store
        .record_reveal(&Reveal {
            user_id: user.id.clone(),
            slug: slug.clone(),
            kind: RevealKind::Solution,
            tier: 0,
            at: now_ms(),
        })
        .await?;
    Ok(Json(SolutionsReveal {
        solutions: entry.solutions.clone(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistoryQuery {
    /// submit, run, or all (default: run and submit).
    #[param(pattern = "^(submit|run|all)?$")]
    pub kind: Option<String>,
}

const HISTORY_LIMIT: u32 = 100;

#[utoipa::path(get, path = "/api/sessions/{slug}/submissions", tag = "sessions",
    params(("slug" = String, Path), HistoryQuery),
    responses((status = 200, body = Vec<RunView>), (status = 400, body = ErrorBody)))]
pub async fn history(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiPath(slug): ApiPath<String>,
    ApiQuery(query): ApiQuery<HistoryQuery>,
) -> Result<Json<Vec<RunView>>, ApiError> {
    entry(&state, &slug)?;
    let kinds: &[RunKind] = match query.kind.as_deref() {
        None | Some("") => &[RunKind::Run, RunKind::Submit],
        Some("submit") => &[RunKind::Submit],
        Some("run") => &[RunKind::Run],
        Some("all") => &[RunKind::Run, RunKind::Submit, RunKind::Custom],
        Some(other) => {
            let shown: String = other.chars().take(40).collect();
            return Err(ApiError::bad_request(format!(
                "kind must be submit, run or all; got {shown:?}"
            )));
        }
    };
    let runs = state
        .store
        .runs_for(&user.id, &slug, kinds, HISTORY_LIMIT)
        .await?;
    Ok(Json(
        runs.iter()
            .map(|r| {
                let mut view = RunView::summary(r);
                view.code = Some(r.code.clone());
                if r.status == RunStatus::Failed {
                    view.report = r.report.clone();
                }
                view
            })
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(running_since: Option<i64>) -> ProblemSession {
        ProblemSession {
            user_id: "u".into(),
            slug: "p".into(),
            language: "python".into(),
            started_at: 0,
            elapsed_ms: 1_000,
            running_since,
            stopped_at: None,
        }
    }

    #[test]
    fn stopping_counts_the_running_span_once() {
        let mut s = session(Some(10_000));
        stop_timer(&mut s, 12_500);
        assert_eq!(s.elapsed_ms, 3_500);
        assert_eq!(s.stopped_at, Some(12_500));
        stop_timer(&mut s, 99_000);
        assert_eq!(s.elapsed_ms, 3_500, "a second stop changes nothing");
        let view = TimerView::of(&s, 15, 100_000);
        assert!(view.stopped && !view.running);
        assert_eq!(view.elapsed_ms, 3_500);
        assert_eq!(view.estimate_ms, 15 * 60_000);
    }

    #[test]
    fn a_paused_timer_shows_its_counted_time() {
        let view = TimerView::of(&session(None), 10, 50_000);
        assert_eq!(view.elapsed_ms, 1_000);
        assert!(!view.running);
        let view = TimerView::of(&session(Some(49_000)), 10, 50_000);
        assert_eq!(view.elapsed_ms, 2_000);
        assert!(view.running);
    }
}
