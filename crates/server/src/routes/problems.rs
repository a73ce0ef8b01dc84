//! Browsing problems: the list with filters and sort, and one problem's public view.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use tandem_store::ProblemStatus;
use utoipa::{IntoParams, ToSchema};

use crate::bank::{ProblemSummary, ProblemView};
use crate::error::ApiError;
use crate::extract::{ApiPath, ApiQuery};
use crate::identity::CurrentUser;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Words to find in the title, slug, topics or summary.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// easy, medium or hard; empty for any.
    #[param(pattern = "^(easy|medium|hard)?$")]
    pub difficulty: Option<String>,
    pub topic: Option<String>,
    /// new, attempted or solved; empty for any.
    #[param(pattern = "^(new|attempted|solved)?$")]
    pub status: Option<String>,
    /// A language id the problem must accept.
    pub language: Option<String>,
    /// title (default), difficulty or estimate.
    #[param(pattern = "^(title|difficulty|estimate)?$")]
    pub sort: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemListItem {
    #[serde(flatten)]
    pub problem: ProblemSummary,
    /// new, attempted or solved.
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemList {
    pub problems: Vec<ProblemListItem>,
    /// Every topic of the bank, sorted.
    pub topics: Vec<String>,
}

const QUERY_CHARS: usize = 200;

#[utoipa::path(get, path = "/api/problems", tag = "problems", params(ListQuery),
    responses((status = 200, body = ProblemList), (status = 400, body = crate::error::ErrorBody)))]
pub async fn list(
    State(state): State<Arc<AppState>>,
    CurrentUser(user): CurrentUser,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ProblemList>, ApiError> {
    if query
        .q
        .as_ref()
        .is_some_and(|q| q.chars().count() > QUERY_CHARS)
    {
        return Err(ApiError::bad_request(format!(
            "the search text is longer than {QUERY_CHARS} characters"
        )));
    }
    check_choice(
        "difficulty",
        query.difficulty.as_deref(),
        &["easy", "medium", "hard"],
    )?;
    check_choice(
        "status",
        query.status.as_deref(),
        &["new", "attempted", "solved"],
    )?;
    check_choice(
        "sort",
        query.sort.as_deref(),
        &["title", "difficulty", "estimate"],
    )?;
    let statuses: HashMap<String, ProblemStatus> = state
        .store
        .problem_statuses(&user.id)
        .await?
        .into_iter()
        .collect();
    let words: Vec<String> = query
        .q
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let mut problems: Vec<ProblemListItem> = state
        .bank
        .iter()
        .map(|entry| {
            let status = match statuses.get(&entry.view.summary.slug) {
                Some(ProblemStatus::Solved) => "solved",
                Some(ProblemStatus::Attempted) => "attempted",
                None => "new",
            };
            ProblemListItem {
                problem: entry.view.summary.clone(),
                status: status.into(),
            }
        })
        .filter(|item| matches_query(item, &query, &words))
        .collect();
    match query.sort.as_deref() {
        Some("difficulty") => problems.sort_by(|a, b| {
            rank(&a.problem.difficulty)
                .cmp(&rank(&b.problem.difficulty))
                .then_with(|| a.problem.title.cmp(&b.problem.title))
        }),
        Some("estimate") => problems.sort_by(|a, b| {
            a.problem
                .time_estimate_minutes
                .cmp(&b.problem.time_estimate_minutes)
                .then_with(|| a.problem.title.cmp(&b.problem.title))
        }),
        _ => problems.sort_by(|a, b| a.problem.title.cmp(&b.problem.title)),
    }
    let topics: BTreeSet<String> = state
        .bank
        .iter()
        .flat_map(|e| e.view.summary.topics.iter().cloned())
        .collect();
    Ok(Json(ProblemList {
        problems,
        topics: topics.into_iter().collect(),
    }))
}

fn check_choice(name: &str, value: Option<&str>, allowed: &[&str]) -> Result<(), ApiError> {
    match value {
        Some(v) if !v.is_empty() && !allowed.contains(&v) => Err(ApiError::bad_request(format!(
            "{name} must be one of {}; got {v:?}",
            allowed.join(", ")
        ))),
        _ => Ok(()),
    }
}

fn rank(difficulty: &str) -> u8 {
    match difficulty {
        "easy" => 0,
        "medium" => 1,
        _ => 2,
    }
}

fn matches_query(item: &ProblemListItem, query: &ListQuery, words: &[String]) -> bool {
    let p = &item.problem;
    let wanted = |filter: &Option<String>, value: &str| {
        filter.as_deref().is_none_or(|f| f.is_empty() || f == value)
    };
    if !wanted(&query.difficulty, &p.difficulty) || !wanted(&query.status, &item.status) {
        return false;
    }
    if let Some(topic) = query.topic.as_deref().filter(|t| !t.is_empty())
        && !p.topics.iter().any(|t| t == topic)
    {
        return false;
    }
    if let Some(language) = query.language.as_deref().filter(|l| !l.is_empty())
        && !p.languages.iter().any(|l| l == language)
    {
        return false;
    }
    let haystack = format!(
        "{} {} {} {}",
        p.title.to_lowercase(),
        p.slug,
        p.topics.join(" "),
        p.summary.to_lowercase()
    );
    words.iter().all(|w| haystack.contains(w.as_str()))
}

#[utoipa::path(get, path = "/api/problems/{slug}", tag = "problems", operation_id = "get_problem",
    params(("slug" = String, Path, description = "The problem's slug")),
    responses((status = 200, body = ProblemView), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<Arc<AppState>>,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<ProblemView>, ApiError> {
    state
        .bank
        .get(&slug)
        .map(|entry| Json(entry.view.clone()))
        .ok_or_else(|| no_problem(&slug))
}

pub fn no_problem(slug: &str) -> ApiError {
    let shown: String = slug.chars().take(80).collect();
    ApiError::not_found(format!(
        "no problem {shown:?}; GET /api/problems lists them"
    ))
}
