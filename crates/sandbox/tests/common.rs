//! Shared set-up for the sandbox's own tests: a sandbox using the crate's `tandem-box` binary
//! and a mount plan with the host's /usr (C programs compiled on the host run in it).

#![allow(dead_code)]

use std::fs::File;
use std::path::PathBuf;
use std::sync::Mutex;

use tandem_sandbox::{Bind, MountPlan, RunOutcome, RunSpec, Sandbox, SandboxConfig};

/// First uid of the sandbox's default range and its size.
pub const BOX_UID_BASE: u32 = 1_950_000;
pub const BOX_UID_COUNT: u32 = 4096;

fn test_config(warm: usize) -> SandboxConfig {
    let mut config = SandboxConfig::new(env!("CARGO_BIN_EXE_tandem-box"), Vec::new());
    config.scratch_dir = PathBuf::from("/run/tandem-test");
    config.warm_boxes = warm;
    config
}

pub fn sandbox(warm: usize) -> Sandbox {
    Sandbox::new(test_config(warm)).expect("the sandbox starts on this host")
}

/// Uids per block handed out by `sandbox_with_own_uids`.
pub const OWN_UIDS: u32 = 128;

/// A sandbox whose payload uids no other sandbox uses while this test process lives; returns
/// it with the first uid of its block.
///
/// The sandbox already keeps box uids unique host-wide (uid locks); tests that start host
/// processes under a box uid, or look for leftovers by uid, need to know the exact range their
/// boxes use and that no other test's boxes use it. Each call claims a block of the range with a
/// lock file held until the process exits. Block 0 stays with the default `sandbox()`.
pub fn sandbox_with_own_uids(warm: usize) -> (Sandbox, u32) {
    let base = claim_uid_block();
    let mut config = test_config(warm);
    config.uid_base = base;
    config.uid_count = OWN_UIDS;
    let sandbox = Sandbox::new(config).expect("the sandbox starts on this host");
    (sandbox, base)
}

fn claim_uid_block() -> u32 {
    static CLAIMED: Mutex<Vec<File>> = Mutex::new(Vec::new());
    let mut claimed = CLAIMED.lock().unwrap_or_else(|e| e.into_inner());
    let dir = PathBuf::from("/run/tandem-test/uid-blocks");
    std::fs::create_dir_all(&dir).expect("create the uid lock dir");
    for block in 1..BOX_UID_COUNT / OWN_UIDS {
        let file = File::create(dir.join(block.to_string())).expect("create a uid lock file");
        // A block this process holds already fails too: flock locks are per open file.
        if file.try_lock().is_ok() {
            claimed.push(file);
            return BOX_UID_BASE + block * OWN_UIDS;
        }
    }
    panic!("every block of box uids is claimed by other test processes");
}
pub fn usr_plan() -> MountPlan {
    MountPlan {
        binds: vec![Bind::same("/usr"), Bind::same("/etc/ld.so.cache")],
        ..MountPlan::default()
    }
}

pub fn sh(sandbox: &Sandbox, script: &str) -> RunOutcome {
    let spec = RunSpec::new(
        usr_plan(),
        vec!["/bin/sh".into(), "-c".into(), script.into()],
    );
    sandbox.run(&spec).expect("the run is carried out")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
