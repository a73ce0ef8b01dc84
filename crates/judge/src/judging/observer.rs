//! Watching a judge at work: each test's result as soon as it is known (a web page shows tests
//! finishing one by one), and a way to stop a run that nobody wants any more.

use std::sync::atomic::{AtomicBool, Ordering};

use super::verdict::TestResult;

/// What a caller of `Judge::judge_observed` / `Judge::judge_custom` hears while the judge runs.
///
/// The judge may call it from a thread of its own (function mode checks answers beside the
/// running harness), hence `Sync`; calls to `on_test` never overlap and come in test order.
pub trait JudgeObserver: Sync {
    /// Called once per test, in test order, as soon as its result is known. `result` is already
    /// redacted for hidden tests. The sequence of calls equals the final report's `tests`
    /// (skipped tests and the tests of a failed compile included); the report stays the
    /// authority, and a cancelled or failed judge has no report.
    fn on_test(&self, index: usize, total: usize, result: &TestResult);

    /// Polled often (before each test, and every few tens of milliseconds while a compiler or
    /// a program runs); once it returns true the judge kills what runs, stops as soon as it can
    /// and returns `JudgeError::Cancelled`. The judge treats the first true as final.
    fn cancelled(&self) -> bool;
}

/// An observer that hears nothing and never cancels (`Judge::judge` uses it).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoObserver;

impl JudgeObserver for NoObserver {
    fn on_test(&self, _index: usize, _total: usize, _result: &TestResult) {}

    fn cancelled(&self) -> bool {
        false
    }
}

/// The observer's cancellation, latched: once it said true the judge never goes on, even if a
/// careless observer says false afterwards (a run killed for it must not be taken for a limit).
pub(super) struct Stop<'a> {
    observer: &'a dyn JudgeObserver,
    hit: AtomicBool,
}

impl<'a> Stop<'a> {
    pub(super) fn new(observer: &'a dyn JudgeObserver) -> Self {
        Self {
            observer,
            hit: AtomicBool::new(false),
        }
    }

    pub(super) fn observer(&self) -> &'a dyn JudgeObserver {
        self.observer
    }

    pub(super) fn now(&self) -> bool {
        if self.hit.load(Ordering::Relaxed) {
            return true;
        }
        let cancelled = self.observer.cancelled();
        if cancelled {
            self.hit.store(true, Ordering::Relaxed);
        }
        cancelled
    }

    /// `Err(Cancelled)` once cancelled: the judge's check between steps.
    pub(super) fn check(&self) -> Result<(), crate::error::JudgeError> {
        if self.now() {
            Err(crate::error::JudgeError::Cancelled)
        } else {
            Ok(())
        }
    }
}

/// Results in test order, each passed to the observer (redacted) as it is added.
pub(super) struct Emitter<'a> {
    observer: &'a dyn JudgeObserver,
    total: usize,
    results: Vec<TestResult>,
}

impl<'a> Emitter<'a> {
    pub(super) fn new(observer: &'a dyn JudgeObserver, total: usize) -> Self {
        Self {
            observer,
            total,
            results: Vec::with_capacity(total),
        }
    }

    /// How many results were added (the index of the next one).
    pub(super) fn len(&self) -> usize {
        self.results.len()
    }

    pub(super) fn results(&self) -> &[TestResult] {
        &self.results
    }

    /// Adds the next test's result and tells the observer. The report redacts the same way
    /// (`JudgeReport::finish`), so what the observer saw is what the report says.
    pub(super) fn push(&mut self, result: TestResult) {
        let shown = result.clone().redact(self.results.len());
        self.observer
            .on_test(self.results.len(), self.total, &shown);
        self.results.push(result);
    }

    pub(super) fn into_results(self) -> Vec<TestResult> {
        self.results
    }
}
