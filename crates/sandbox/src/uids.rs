//! Payload uids: one per live box, unique across every process on the host that uses the same
//! scratch directory — per-uid limits (RLIMIT_NPROC, inotify instances, ...) count host-wide, so
//! two boxes must never share a uid, even when two `tandem` processes run side by side. A slot
//! is held with an exclusive lock on `<uid_lock_dir>/<uid>`; the kernel drops the lock if the
//! process dies, so a crash never leaks a uid.

use std::fs::{self, File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::error::SandboxError;

pub(crate) struct UidPool {
    base: u32,
    lock_dir: PathBuf,
    free: Mutex<Vec<u32>>,
}

/// A claimed uid, released (lock and slot) when dropped.
pub(crate) struct UidSlot {
    pub uid: u32,
    slot: u32,
    pool: Arc<UidPool>,
    _lock: File,
}

impl Drop for UidSlot {
    fn drop(&mut self) {
        if let Ok(mut free) = self.pool.free.lock() {
            free.push(self.slot);
        }
    }
}

impl UidPool {
    pub fn new(
        base: u32,
        count: u32,
        lock_dir: &std::path::Path,
    ) -> Result<Arc<Self>, SandboxError> {
        let lock_dir = lock_dir.to_path_buf();
        fs::create_dir_all(&lock_dir).map_err(SandboxError::io("create the uid lock directory"))?;
        let free = (0..count).rev().collect();
        Ok(Arc::new(Self {
            base,
            lock_dir,
            free: Mutex::new(free),
        }))
    }

    /// Claims a uid no other box on this host holds.
    pub fn acquire(self: &Arc<Self>) -> Result<UidSlot, SandboxError> {
        let mut free = self
            .free
            .lock()
            .map_err(|_| SandboxError::Channel("uid pool lock poisoned".into()))?;
        let mut busy_elsewhere = Vec::new();
        let claimed = loop {
            let Some(slot) = free.pop() else { break None };
            let uid = self.base + slot;
            let lock = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .mode(0o600)
                .custom_flags(libc::O_NOFOLLOW)
                .open(self.lock_dir.join(uid.to_string()))
                .map_err(SandboxError::io("open a uid lock file"))?;
            match lock.try_lock() {
                Ok(()) => break Some((slot, uid, lock)),
                // Held by another process's box: try the next slot, and this one last later.
                Err(_) => busy_elsewhere.push(slot),
            }
        };
        for slot in busy_elsewhere {
            free.insert(0, slot);
        }
        drop(free);
        let (slot, uid, lock) = claimed.ok_or_else(|| {
            SandboxError::Channel(
                "every sandbox uid is in use on this host (raise sandbox uid_count)".into(),
            )
        })?;
        Ok(UidSlot {
            uid,
            slot,
            pool: Arc::clone(self),
            _lock: lock,
        })
    }
}
