//! Building the sandbox handle the commands share.

use anyhow::{Context, Result};
use tandem_sandbox::{BOX_ARG, Sandbox, SandboxConfig};

/// The sandbox, with this very binary (`tandem __box`) as the box process. `allow_weaker` lets
/// it start without cgroups (doctor uses it to report what is missing).
pub fn open_sandbox(allow_weaker: bool) -> Result<Sandbox> {
    let exe = std::env::current_exe().context("cannot find the tandem executable")?;
    let mut config = SandboxConfig::new(exe, vec![BOX_ARG.into()]);
    config.allow_weaker = allow_weaker;
    Sandbox::new(config).context("cannot start the sandbox")
}
