//! Fan-out of run events to browsers. Each live run has a log of what happened so far and a
//! broadcast channel; a subscriber gets the log and the live channel under one lock, so it
//! neither misses nor repeats an event. A finished run's channel is dropped; later subscribers
//! read the run from the store instead.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use serde::Serialize;
use serde_json::Value;
use tokio::sync::broadcast;

/// One event of a run, as sent over SSE (`event` is the SSE event name).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", content = "data", rename_all = "snake_case")]
pub enum RunEvent {
    Queued {
        position: usize,
    },
    Started {},
    Test {
        index: usize,
        total: usize,
        result: Value,
    },
    /// The final run (status done, cancelled or failed).
    Done {
        run: Value,
    },
}

impl RunEvent {
    pub fn name(&self) -> &'static str {
        match self {
            RunEvent::Queued { .. } => "queued",
            RunEvent::Started {} => "started",
            RunEvent::Test { .. } => "test",
            RunEvent::Done { .. } => "done",
        }
    }

    /// The SSE `data` payload.
    pub fn data(&self) -> Value {
        match self {
            RunEvent::Queued { position } => serde_json::json!({ "position": position }),
            RunEvent::Started {} => serde_json::json!({}),
            RunEvent::Test {
                index,
                total,
                result,
            } => serde_json::json!({ "index": index, "total": total, "result": result }),
            RunEvent::Done { run } => run.clone(),
        }
    }
}

/// A test result event can be large; the buffer holds whole runs of a few hundred tests.
const CHANNEL_CAPACITY: usize = 512;

struct Channel {
    log: Vec<RunEvent>,
    sender: broadcast::Sender<RunEvent>,
}

#[derive(Default)]
pub struct RunHub {
    channels: Mutex<HashMap<String, Channel>>,
}

pub type Subscription = (Vec<RunEvent>, broadcast::Receiver<RunEvent>);

impl RunHub {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Channel>> {
        // A panic while holding the lock leaves plain data behind; keep serving.
        self.channels.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Opens the channel of a new run (before anyone can learn its id).
    pub fn open(&self, run_id: &str) {
        let (sender, _) = broadcast::channel(CHANNEL_CAPACITY);
        self.lock().insert(
            run_id.to_string(),
            Channel {
                log: Vec::new(),
                sender,
            },
        );
    }

    /// Records and sends an event. A new queue position replaces the previous one in the log,
    /// so a long wait does not grow it.
    pub fn publish(&self, run_id: &str, event: RunEvent) {
        let mut channels = self.lock();
        let Some(channel) = channels.get_mut(run_id) else {
            return;
        };
        if let RunEvent::Queued { .. } = event {
            channel
                .log
                .retain(|e| !matches!(e, RunEvent::Queued { .. }));
        }
        channel.log.push(event.clone());
        // No receiver is fine: nobody is watching yet.
        let _ = channel.sender.send(event);
    }

    /// Sends the final event and drops the channel.
    pub fn finish(&self, run_id: &str, event: RunEvent) {
        let mut channels = self.lock();
        if let Some(channel) = channels.remove(run_id) {
            let _ = channel.sender.send(event);
        }
    }

    /// What happened so far and the live events after it; `None` when the run is not live.
    pub fn subscribe(&self, run_id: &str) -> Option<Subscription> {
        let channels = self.lock();
        let channel = channels.get(run_id)?;
        Some((channel.log.clone(), channel.sender.subscribe()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_late_subscriber_gets_the_log_then_live_events_once() {
        let hub = RunHub::default();
        hub.open("r");
        hub.publish("r", RunEvent::Queued { position: 2 });
        hub.publish("r", RunEvent::Queued { position: 1 });
        hub.publish("r", RunEvent::Started {});
        let (log, mut live) = hub.subscribe("r").expect("live run");
        assert_eq!(
            log,
            vec![RunEvent::Queued { position: 1 }, RunEvent::Started {}]
        );
        hub.publish(
            "r",
            RunEvent::Test {
                index: 0,
                total: 1,
                result: serde_json::json!({"verdict": "accepted"}),
            },
        );
        hub.finish(
            "r",
            RunEvent::Done {
                run: serde_json::json!({"status": "done"}),
            },
        );
        assert_eq!(live.recv().await.map(|e| e.name()), Ok("test"));
        assert_eq!(live.recv().await.map(|e| e.name()), Ok("done"));
        assert!(live.recv().await.is_err(), "the channel closes after done");
        assert!(hub.subscribe("r").is_none());
    }

    #[test]
    fn events_name_and_shape_match_the_documented_protocol() {
        let event = RunEvent::Queued { position: 3 };
        assert_eq!(event.name(), "queued");
        assert_eq!(event.data(), serde_json::json!({"position": 3}));
        let event = RunEvent::Test {
            index: 1,
            total: 4,
            result: serde_json::json!({}),
        };
        assert_eq!(
            event.data(),
            serde_json::json!({"index": 1, "total": 4, "result": {}})
        );
    }
}
