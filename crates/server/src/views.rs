//! The JSON shapes of runs, sessions and timers (docs/api.md), built from store records.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use tandem_store::{Draft, ProblemSession, RunRecord};
use utoipa::ToSchema;

use crate::bank::SolutionView;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RunView {
    pub id: String,
    pub problem: String,
    pub language: String,
    /// run, submit or custom.
    pub kind: String,
    /// queued, running, done, cancelled or failed.
    pub status: String,
    pub verdict: Option<String>,
    pub passed: u32,
    pub total: u32,
    pub created_at: i64,
    pub started_at: Option<i64>,
    pub finished_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_input: Option<String>,
    /// The judge's report (hidden tests redacted), or `{"message"}` for a failed run.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub report: Option<Value>,
}

impl RunView {
    /// Everything: code, custom input and report.
    pub fn full(run: &RunRecord) -> Self {
        Self {
            code: Some(run.code.clone()),
            custom_input: run.custom_input.clone(),
            report: run.report.clone(),
            ..Self::summary(run)
        }
    }

    /// Without code and report (lists).
    pub fn summary(run: &RunRecord) -> Self {
        Self {
            id: run.id.clone(),
            problem: run.slug.clone(),
            language: run.language.clone(),
            kind: run.kind.as_str().into(),
            status: run.status.as_str().into(),
            verdict: run.verdict.clone(),
            passed: run.passed,
            total: run.total,
            created_at: run.created_at,
            started_at: run.started_at,
            finished_at: run.finished_at,
            code: None,
            custom_input: None,
            report: None,
        }
    }

    pub fn json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// The practice timer. The browser counts locally from these values:
/// shown = elapsed_ms + (running ? time since the response : 0).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimerView {
    pub estimate_ms: i64,
    /// Time counted up to `server_now`.
    pub elapsed_ms: i64,
    pub running: bool,
    /// Stopped for good by an accepted submission.
    pub stopped: bool,
    pub server_now: i64,
}

impl TimerView {
    pub fn of(session: &ProblemSession, estimate_minutes: u32, now: i64) -> Self {
        let running_for = session
            .running_since
            .map_or(0, |since| (now - since).max(0));
        Self {
            estimate_ms: i64::from(estimate_minutes) * 60_000,
            elapsed_ms: session.elapsed_ms + running_for,
            running: session.running_since.is_some() && session.stopped_at.is_none(),
            stopped: session.stopped_at.is_some(),
            server_now: now,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DraftView {
    pub code: String,
    pub client_updated_at: i64,
    pub saved_at: i64,
}

impl From<&Draft> for DraftView {
    fn from(draft: &Draft) -> Self {
        Self {
            code: draft.code.clone(),
            client_updated_at: draft.client_updated_at,
            saved_at: draft.saved_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HintView {
    pub tier: u32,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SessionView {
    pub slug: String,
    pub language: String,
    /// Drafts by language id.
    pub drafts: BTreeMap<String, DraftView>,
    pub timer: TimerView,
    /// Hints revealed so far, in tier order.
    pub hints: Vec<HintView>,
    pub hint_count: usize,
    /// The reference solutions once revealed (a recorded reveal), else null.
    pub solutions: Option<Vec<SolutionView>>,
    /// An accepted submission exists.
    pub solved: bool,
}
