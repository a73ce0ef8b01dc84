//! The waiting line: one FIFO per user, served round-robin, so one user's burst cannot starve
//! everyone else. Pure data; the worker pool wraps it in a lock.

use std::collections::{HashMap, VecDeque};

/// Something that waits in line, owned by a user and named by an id.
pub trait Queued {
    fn id(&self) -> &str;
    fn owner(&self) -> &str;
}

pub struct FairQueue<J> {
    per_user: HashMap<String, VecDeque<J>>,
    /// Users with waiting jobs, in the order they will be served next.
    ring: VecDeque<String>,
    len: usize,
}

impl<J: Queued> Default for FairQueue<J> {
    fn default() -> Self {
        Self {
            per_user: HashMap::new(),
            ring: VecDeque::new(),
            len: 0,
        }
    }
}

impl<J: Queued> FairQueue<J> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many jobs of `owner` wait.
    pub fn waiting_for(&self, owner: &str) -> usize {
        self.per_user.get(owner).map_or(0, VecDeque::len)
    }

    pub fn push(&mut self, job: J) {
        let owner = job.owner().to_string();
        let line = self.per_user.entry(owner.clone()).or_default();
        if line.is_empty() {
            self.ring.push_back(owner);
        }
        line.push_back(job);
        self.len += 1;
    }

    /// The next job: the oldest of the user whose turn it is.
    pub fn pop(&mut self) -> Option<J> {
        let owner = self.ring.pop_front()?;
        let line = self.per_user.get_mut(&owner)?;
        let job = line.pop_front();
        if line.is_empty() {
            self.per_user.remove(&owner);
        } else {
            self.ring.push_back(owner);
        }
        if job.is_some() {
            self.len -= 1;
        }
        job
    }

    /// Takes a waiting job out of line (a cancel).
    pub fn remove(&mut self, id: &str) -> Option<J> {
        let owner = self
            .per_user
            .iter()
            .find(|(_, line)| line.iter().any(|j| j.id() == id))
            .map(|(owner, _)| owner.clone())?;
        let line = self.per_user.get_mut(&owner)?;
        let index = line.iter().position(|j| j.id() == id)?;
        let job = line.remove(index);
        if line.is_empty() {
            self.per_user.remove(&owner);
            self.ring.retain(|o| *o != owner);
        }
        if job.is_some() {
            self.len -= 1;
        }
        job
    }

    /// Every waiting job's id with its 1-based position, in the order they will be served.
    pub fn positions(&self) -> Vec<(String, usize)> {
        let mut order = Vec::with_capacity(self.len);
        let mut round = 0;
        loop {
            let mut any = false;
            for owner in &self.ring {
                if let Some(job) = self.per_user.get(owner).and_then(|line| line.get(round)) {
                    order.push((job.id().to_string(), order.len() + 1));
                    any = true;
                }
            }
            if !any {
                return order;
            }
            round += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Job(&'static str, &'static str);

    impl Queued for Job {
        fn id(&self) -> &str {
            self.0
        }
        fn owner(&self) -> &str {
            self.1
        }
    }

    fn drain(queue: &mut FairQueue<Job>) -> Vec<&'static str> {
        std::iter::from_fn(|| queue.pop().map(|j| j.0)).collect()
    }

    #[test]
    fn users_take_turns_and_each_keeps_its_order() {
        let mut queue = FairQueue::default();
        for (id, owner) in [
            ("a1", "a"),
            ("a2", "a"),
            ("a3", "a"),
            ("b1", "b"),
            ("c1", "c"),
            ("b2", "b"),
        ] {
            queue.push(Job(id, owner));
        }
        assert_eq!(queue.len(), 6);
        assert_eq!(queue.waiting_for("a"), 3);
        let expected = ["a1", "b1", "c1", "a2", "b2", "a3"];
        let positions: Vec<_> = queue.positions().into_iter().map(|(id, _)| id).collect();
        assert_eq!(positions, expected);
        assert_eq!(drain(&mut queue), expected);
        assert!(queue.is_empty());
    }

    #[test]
    fn positions_count_from_one() {
        let mut queue = FairQueue::default();
        queue.push(Job("a1", "a"));
        queue.push(Job("b1", "b"));
        assert_eq!(
            queue.positions(),
            vec![("a1".to_string(), 1), ("b1".to_string(), 2)]
        );
    }

    #[test]
    fn removing_a_waiting_job_keeps_the_rest_in_order() {
        let mut queue = FairQueue::default();
        queue.push(Job("a1", "a"));
        queue.push(Job("b1", "b"));
        queue.push(Job("a2", "a"));
        assert_eq!(queue.remove("b1"), Some(Job("b1", "b")));
        assert_eq!(queue.remove("b1"), None);
        assert_eq!(queue.len(), 2);
        assert_eq!(drain(&mut queue), ["a1", "a2"]);
        queue.push(Job("c1", "c"));
        assert_eq!(queue.remove("c1"), Some(Job("c1", "c")));
        assert!(queue.pop().is_none());
    }

    #[test]
    fn a_user_who_comes_back_goes_to_the_end_of_the_ring() {
        let mut queue = FairQueue::default();
        queue.push(Job("a1", "a"));
        queue.push(Job("b1", "b"));
        assert_eq!(queue.pop().map(|j| j.0), Some("a1"));
        queue.push(Job("a2", "a"));
        assert_eq!(drain(&mut queue), ["b1", "a2"]);
    }
}
