//! Warm boxes: built ahead of time per mount plan, so a run pays only for fork and exec of the
//! payload. Each box serves exactly one run and is then destroyed; the pool only moves set-up
//! off the critical path, it never reuses a box.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::host::LiveBox;
use crate::spec::MountPlan;

/// Plans remembered at once; the least recently used beyond this are dropped.
const MAX_PLANS: usize = 16;

#[derive(Default)]
struct Slot {
    ready: Vec<LiveBox>,
    building: usize,
    last_used: u64,
}

pub(crate) struct Pool {
    per_plan: usize,
    slots: Mutex<(HashMap<MountPlan, Slot>, u64)>,
}

impl Pool {
    pub fn new(per_plan: usize) -> Self {
        Self {
            per_plan,
            slots: Mutex::new((HashMap::new(), 0)),
        }
    }

    pub fn take(&self, plan: &MountPlan) -> Option<LiveBox> {
        let mut guard = self.slots.lock().ok()?;
        let (slots, clock) = &mut *guard;
        *clock += 1;
        let slot = slots.get_mut(plan)?;
        slot.last_used = *clock;
        slot.ready.pop()
    }

    /// Claims the right to build one more box for `plan`; false when enough are ready or on
    /// their way.
    pub fn reserve(&self, plan: &MountPlan) -> bool {
        if self.per_plan == 0 {
            return false;
        }
        let Ok(mut guard) = self.slots.lock() else {
            return false;
        };
        let (slots, clock) = &mut *guard;
        *clock += 1;
        if !slots.contains_key(plan)
            && slots.len() >= MAX_PLANS
            && let Some(oldest) = slots
                .iter()
                .min_by_key(|(_, s)| s.last_used)
                .map(|(p, _)| p.clone())
        {
            slots.remove(&oldest);
        }
        let slot = slots.entry(plan.clone()).or_default();
        slot.last_used = *clock;
        if slot.ready.len() + slot.building >= self.per_plan {
            return false;
        }
        slot.building += 1;
        true
    }

    /// Hands in a box built after `reserve` (or `None` when building failed).
    pub fn put(&self, plan: &MountPlan, built: Option<LiveBox>) {
        let Ok(mut guard) = self.slots.lock() else {
            return;
        };
        let (slots, _) = &mut *guard;
        if let Some(slot) = slots.get_mut(plan) {
            slot.building = slot.building.saturating_sub(1);
            if let Some(live) = built {
                slot.ready.push(live);
            }
        }
    }
}
