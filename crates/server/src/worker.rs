//! Carrying out one queued run on a judge thread: mark it running, judge it with each test's
//! result pushed to the hub as it finishes, store the redacted report, stop the timer on an
//! accepted submission, and send `done`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use tandem_judge::judging::{Judge, JudgeObserver, JudgeReport, Scope, TestResult};
use tandem_judge::{CompileCache, Executor, JudgeError, Toolchains};
use tandem_store::{RunKind, RunRecord, RunStatus, Store};
use tokio::runtime::Handle;

use crate::bank::Bank;
use crate::events::{RunEvent, RunHub};
use crate::metrics::{Metrics, RunLabels};
use crate::queue::{JobRunner, RunJob};
use crate::routes::sessions::stop_timer;
use crate::time::now_ms;
use crate::views::RunView;

/// What the judge needs, shared by every worker thread.
#[derive(Clone)]
pub struct Engine {
    pub executor: Arc<dyn Executor + Send + Sync>,
    pub toolchains: Arc<Toolchains>,
    pub cache: Arc<CompileCache>,
}

pub struct Worker {
    pub engine: Engine,
    pub store: Arc<dyn Store>,
    pub bank: Arc<Bank>,
    pub hub: Arc<RunHub>,
    pub metrics: Arc<Metrics>,
    /// The server's async runtime, for store calls from judge threads.
    pub runtime: Handle,
}

struct HubObserver<'a> {
    hub: &'a RunHub,
    run_id: &'a str,
    cancel: &'a AtomicBool,
}

impl JudgeObserver for HubObserver<'_> {
    fn on_test(&self, index: usize, total: usize, result: &TestResult) {
        let result = serde_json::to_value(result).unwrap_or(serde_json::Value::Null);
        self.hub.publish(
            self.run_id,
            RunEvent::Test {
                index,
                total,
                result,
            },
        );
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }
}

/// How a run ended, for the record.
enum Ending {
    Judged(JudgeReport),
    Cancelled,
    Failed(String),
}

impl JobRunner for Worker {
    fn waiting(&self, run_id: &str, position: usize) {
        self.hub.publish(run_id, RunEvent::Queued { position });
    }

    fn run(&self, job: RunJob, cancel: Arc<AtomicBool>) {
        let started = Instant::now();
        let run_id = job.run_id.clone();
        let mut record = match self.runtime.block_on(self.store.run(&run_id)) {
            Ok(Some(record)) => record,
            Ok(None) => {
                tracing::warn!(run_id, "a queued run is not in the store; skipped");
                self.hub.finish(
                    &run_id,
                    RunEvent::Done {
                        run: serde_json::Value::Null,
                    },
                );
                return;
            }
            Err(err) => {
                tracing::error!(run_id, error = %err, "cannot read a queued run");
                self.hub.finish(
                    &run_id,
                    RunEvent::Done {
                        run: serde_json::Value::Null,
                    },
                );
                return;
            }
        };
        record.status = RunStatus::Running;
        record.started_at = Some(now_ms());
        if let Err(err) = self.runtime.block_on(self.store.update_run(&record)) {
            tracing::error!(run_id, error = %err, "cannot mark a run as running");
        }
        self.hub.publish(&run_id, RunEvent::Started {});

        let ending = self.judge(&job, &cancel);
        let outcome = self.finish(&mut record, ending);
        self.metrics
            .run_seconds
            .observe(started.elapsed().as_secs_f64());
        self.metrics
            .runs
            .get_or_create(&RunLabels {
                kind: job.kind.as_str().into(),
                outcome,
            })
            .inc();
        tracing::info!(
            run_id,
            problem = job.slug,
            language = job.language.as_str(),
            kind = job.kind.as_str(),
            status = record.status.as_str(),
            verdict = record.verdict.as_deref().unwrap_or(""),
            ms = started.elapsed().as_millis() as u64,
            "run finished"
        );
        self.hub.finish(
            &run_id,
            RunEvent::Done {
                run: RunView::full(&record).json(),
            },
        );
    }
}

impl Worker {
    fn judge(&self, job: &RunJob, cancel: &AtomicBool) -> Ending {
        let Some(entry) = self.bank.get(&job.slug) else {
            return Ending::Failed(format!("the problem {} is no longer offered", job.slug));
        };
        let judge = Judge {
            executor: self.engine.executor.as_ref(),
            toolchains: &self.engine.toolchains,
            cache: &self.engine.cache,
        };
        let observer = HubObserver {
            hub: &self.hub,
            run_id: &job.run_id,
            cancel,
        };
        let problem = &entry.problem;
        let result = match job.kind {
            RunKind::Run => {
                judge.judge_observed(problem, job.language, &job.code, Scope::Public, &observer)
            }
            RunKind::Submit => {
                judge.judge_observed(problem, job.language, &job.code, Scope::All, &observer)
            }
            RunKind::Custom => judge.judge_custom(
                problem,
                job.language,
                &job.code,
                job.custom_input.as_deref().unwrap_or(""),
                &observer,
            ),
        };
        match result {
            Ok(report) => Ending::Judged(report),
            Err(JudgeError::Cancelled) => Ending::Cancelled,
            Err(JudgeError::InvalidCustomInput(message)) => Ending::Failed(message),
            Err(err @ (JudgeError::Unavailable { .. } | JudgeError::InvalidRequest { .. })) => {
                Ending::Failed(err.to_string())
            }
            Err(err) => {
                tracing::error!(run_id = job.run_id, error = %err, "the judge failed");
                Ending::Failed(
                    "the judge could not carry out this run; it has been logged — try again".into(),
                )
            }
        }
    }

    /// Records the ending; returns the outcome label for metrics.
    fn finish(&self, record: &mut RunRecord, ending: Ending) -> String {
        let now = now_ms();
        record.finished_at = Some(now);
        let outcome = match ending {
            Ending::Judged(report) => {
                record.status = RunStatus::Done;
                record.verdict = Some(report.verdict.as_str().into());
                record.passed = u32::try_from(report.passed).unwrap_or(u32::MAX);
                record.total = u32::try_from(report.total).unwrap_or(u32::MAX);
                record.report = serde_json::to_value(&report).ok();
                report.verdict.as_str().to_string()
            }
            Ending::Cancelled => {
                record.status = RunStatus::Cancelled;
                "cancelled".into()
            }
            Ending::Failed(message) => {
                record.status = RunStatus::Failed;
                record.report = Some(serde_json::json!({ "message": message }));
                "failed".into()
            }
        };
        if let Err(err) = self.runtime.block_on(self.store.update_run(record)) {
            tracing::error!(run_id = record.id, error = %err, "cannot store a run's result");
        }
        if record.kind == RunKind::Submit && record.verdict.as_deref() == Some("accepted") {
            self.stop_timer(record, now);
        }
        outcome
    }

    fn stop_timer(&self, record: &RunRecord, now: i64) {
        let store = &self.store;
        let result = self.runtime.block_on(async {
            if let Some(mut session) = store.problem_session(&record.user_id, &record.slug).await? {
                stop_timer(&mut session, now);
                store.put_problem_session(&session).await?;
            }
            Ok::<(), tandem_store::StoreError>(())
        });
        if let Err(err) = result {
            tracing::error!(run_id = record.id, error = %err, "cannot stop the timer");
        }
    }
}
