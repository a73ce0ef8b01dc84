//! Shared set-up for the sandbox's own tests: a sandbox using the crate's `tandem-box` binary
//! and a mount plan with the host's /usr (C programs compiled on the host run in it).

#![allow(dead_code)]

use std::path::PathBuf;

use tandem_sandbox::{Bind, MountPlan, RunOutcome, RunSpec, Sandbox, SandboxConfig};

pub fn sandbox(warm: usize) -> Sandbox {
    let mut config = SandboxConfig::new(env!("CARGO_BIN_EXE_tandem-box"), Vec::new());
    config.scratch_dir = PathBuf::from("/run/tandem-test");
    config.warm_boxes = warm;
    Sandbox::new(config).expect("the sandbox starts on this host")
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
