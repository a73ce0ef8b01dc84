//! The in-process queue: a bounded fair line and one judge thread per worker. Full means
//! refused (429 with an estimated wait), never an unbounded backlog.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use super::{Cancelled, FairQueue, JobRunner, QueueError, QueueStats, RunJob, RunQueue};

struct Running {
    user_id: String,
    cancel: Arc<AtomicBool>,
}

struct State {
    waiting: FairQueue<RunJob>,
    running: HashMap<String, Running>,
    /// Moving average of a run's duration, for Retry-After.
    average_ms: f64,
}

pub struct LocalQueue {
    state: Mutex<State>,
    wake: Condvar,
    runner: Arc<dyn JobRunner>,
    workers: usize,
    capacity: usize,
    per_user: usize,
}

impl LocalQueue {
    /// Starts `workers` judge threads serving a line of at most `capacity` waiting runs, with
    /// at most `per_user` runs waiting or running per user.
    pub fn start(
        workers: usize,
        capacity: usize,
        per_user: usize,
        runner: Arc<dyn JobRunner>,
    ) -> std::io::Result<Arc<LocalQueue>> {
        let queue = Arc::new(LocalQueue {
            state: Mutex::new(State {
                waiting: FairQueue::default(),
                running: HashMap::new(),
                average_ms: 500.0,
            }),
            wake: Condvar::new(),
            runner,
            workers: workers.max(1),
            capacity,
            per_user,
        });
        for index in 0..queue.workers {
            let worker = Arc::clone(&queue);
            std::thread::Builder::new()
                .name(format!("judge-{index}"))
                .spawn(move || worker.work())?;
        }
        Ok(queue)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn work(&self) {
        loop {
            let (job, cancel) = {
                let mut state = self.lock();
                let job = loop {
                    if let Some(job) = state.waiting.pop() {
                        break job;
                    }
                    state = self
                        .wake
                        .wait(state)
                        .unwrap_or_else(PoisonError::into_inner);
                };
                let cancel = Arc::new(AtomicBool::new(false));
                state.running.insert(
                    job.run_id.clone(),
                    Running {
                        user_id: job.user_id.clone(),
                        cancel: Arc::clone(&cancel),
                    },
                );
                self.announce_positions(&state);
                (job, cancel)
            };
            let run_id = job.run_id.clone();
            let started = Instant::now();
            // A panic in one run must not take a worker away from everyone else.
            let outcome =
                std::panic::catch_unwind(AssertUnwindSafe(|| self.runner.run(job, cancel)));
            if outcome.is_err() {
                tracing::error!(run_id, "a judge worker panicked; the worker carries on");
            }
            let mut state = self.lock();
            state.running.remove(&run_id);
            let took = started.elapsed().as_secs_f64() * 1000.0;
            state.average_ms = state.average_ms * 0.8 + took * 0.2;
        }
    }

    fn announce_positions(&self, state: &State) {
        for (run_id, position) in state.waiting.positions() {
            self.runner.waiting(&run_id, position);
        }
    }

    /// Seconds until a slot is likely free: the work ahead spread over the workers.
    fn retry_after(&self, state: &State) -> u64 {
        let ahead = (state.waiting.len() + state.running.len()) as f64;
        let seconds = ahead * state.average_ms / 1000.0 / self.workers as f64;
        (seconds.ceil() as u64).clamp(1, 60)
    }
}

impl RunQueue for LocalQueue {
    fn enqueue(&self, job: RunJob) -> Result<usize, QueueError> {
        let mut state = self.lock();
        let mine = state.waiting.waiting_for(&job.user_id)
            + state
                .running
                .values()
                .filter(|r| r.user_id == job.user_id)
                .count();
        if mine >= self.per_user {
            return Err(QueueError::UserLimit {
                limit: self.per_user,
                retry_after: self.retry_after(&state),
            });
        }
        if state.waiting.len() >= self.capacity {
            return Err(QueueError::Full {
                capacity: self.capacity,
                retry_after: self.retry_after(&state),
            });
        }
        let run_id = job.run_id.clone();
        state.waiting.push(job);
        self.announce_positions(&state);
        let position = state
            .waiting
            .positions()
            .into_iter()
            .find(|(id, _)| *id == run_id)
            .map_or(1, |(_, p)| p);
        self.wake.notify_one();
        Ok(position)
    }

    fn cancel(&self, run_id: &str) -> Cancelled {
        let mut state = self.lock();
        if let Some(job) = state.waiting.remove(run_id) {
            self.announce_positions(&state);
            return Cancelled::WasWaiting(Box::new(job));
        }
        match state.running.get(run_id) {
            Some(running) => {
                running.cancel.store(true, Ordering::SeqCst);
                Cancelled::Signalled
            }
            None => Cancelled::NotHere,
        }
    }

    fn stats(&self) -> QueueStats {
        let state = self.lock();
        QueueStats {
            waiting: state.waiting.len(),
            running: state.running.len(),
            workers: self.workers,
            capacity: self.capacity,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;
    use tandem_judge::Language;
    use tandem_store::RunKind;

    /// Runs block until released, so tests control what is running.
    struct Gate {
        started: Mutex<mpsc::Sender<String>>,
        release: Mutex<mpsc::Receiver<()>>,
        positions: Mutex<Vec<(String, usize)>>,
    }

    impl JobRunner for Gate {
        fn run(&self, job: RunJob, cancel: Arc<AtomicBool>) {
            let _ = self.started.lock().expect("lock").send(job.run_id.clone());
            loop {
                if cancel.load(Ordering::SeqCst) {
                    return;
                }
                if self
                    .release
                    .lock()
                    .expect("lock")
                    .recv_timeout(Duration::from_millis(5))
                    .is_ok()
                {
                    return;
                }
            }
        }
        fn waiting(&self, run_id: &str, position: usize) {
            self.positions
                .lock()
                .expect("lock")
                .push((run_id.to_string(), position));
        }
    }

    fn job(id: &str, user: &str) -> RunJob {
        RunJob {
            run_id: id.into(),
            user_id: user.into(),
            slug: "p".into(),
            language: Language::Python,
            kind: RunKind::Run,
            code: String::new(),
            custom_input: None,
        }
    }

    fn gate() -> (Arc<Gate>, mpsc::Receiver<String>, mpsc::Sender<()>) {
        let (started_tx, started_rx) = mpsc::channel();
        let (release_tx, release_rx) = mpsc::channel();
        let gate = Arc::new(Gate {
            started: Mutex::new(started_tx),
            release: Mutex::new(release_rx),
            positions: Mutex::new(Vec::new()),
        });
        (gate, started_rx, release_tx)
    }

    const WAIT: Duration = Duration::from_secs(10);

    #[test]
    fn full_line_and_per_user_limit_refuse_with_a_retry_time() {
        let (gate, started, release) = gate();
        let queue = LocalQueue::start(1, 2, 2, gate.clone()).expect("start");
        assert_eq!(queue.enqueue(job("r1", "a")), Ok(1));
        assert_eq!(started.recv_timeout(WAIT).ok().as_deref(), Some("r1"));
        assert_eq!(queue.enqueue(job("r2", "a")), Ok(1));
        match queue.enqueue(job("r3", "a")) {
            Err(QueueError::UserLimit {
                limit: 2,
                retry_after,
            }) => assert!(retry_after >= 1),
            other => panic!("expected the per-user limit, got {other:?}"),
        }
        assert_eq!(queue.enqueue(job("r4", "b")), Ok(2));
        match queue.enqueue(job("r5", "c")) {
            Err(QueueError::Full {
                capacity: 2,
                retry_after,
            }) => {
                assert!((1..=60).contains(&retry_after))
            }
            other => panic!("expected a full queue, got {other:?}"),
        }
        let stats = queue.stats();
        assert_eq!((stats.waiting, stats.running, stats.workers), (2, 1, 1));
        for _ in 0..3 {
            release.send(()).expect("release");
        }
        assert_eq!(started.recv_timeout(WAIT).ok().as_deref(), Some("r2"));
        assert_eq!(started.recv_timeout(WAIT).ok().as_deref(), Some("r4"));
    }

    #[test]
    fn cancel_takes_a_waiting_run_out_and_signals_a_running_one() {
        let (gate, started, _release) = gate();
        let queue = LocalQueue::start(1, 8, 8, gate.clone()).expect("start");
        queue.enqueue(job("r1", "a")).expect("enqueue");
        assert_eq!(started.recv_timeout(WAIT).ok().as_deref(), Some("r1"));
        queue.enqueue(job("r2", "b")).expect("enqueue");
        queue.enqueue(job("r3", "c")).expect("enqueue");
        match queue.cancel("r2") {
            Cancelled::WasWaiting(job) => assert_eq!(job.run_id, "r2"),
            other => panic!("expected the waiting run, got {other:?}"),
        }
        // r3 moved up to first in line.
        assert!(
            gate.positions
                .lock()
                .expect("lock")
                .contains(&("r3".to_string(), 1))
        );
        assert_eq!(queue.cancel("r1"), Cancelled::Signalled);
        assert_eq!(started.recv_timeout(WAIT).ok().as_deref(), Some("r3"));
        assert_eq!(queue.cancel("nope"), Cancelled::NotHere);
    }
}
