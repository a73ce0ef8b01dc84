//! Host-side probes used by detection: finding real binaries (not shims or proxies) and asking
//! them for their version. Everything here runs trusted host programs, never user code.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Candidates for `name` in the search directories, in order, deduplicated by real path, keeping
/// only real ELF executables (pyenv shims are shell scripts; they are skipped).
pub(crate) fn find_real(name: &str, dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        let candidate = dir.join(name);
        let Ok(real) = std::fs::canonicalize(&candidate) else {
            continue;
        };
        if is_elf_executable(&real) && !found.contains(&real) {
            found.push(real);
        }
    }
    found
}

/// Every existing `name` in the search directories, as found (not resolved to its target):
/// rustup's proxies must be run under their own name, so they are not canonicalised.
pub(crate) fn find_as_named(name: &str, dirs: &[PathBuf]) -> Vec<PathBuf> {
    dirs.iter()
        .map(|dir| dir.join(name))
        .filter(|path| path.is_file())
        .collect()
}

/// The first real binary for `name`, or a reason naming what was looked at.
pub(crate) fn first_real(name: &str, dirs: &[PathBuf]) -> Result<PathBuf, String> {
    find_real(name, dirs).into_iter().next().ok_or_else(|| {
        format!(
            "no '{name}' executable (a real binary, not a shim) in {}",
            join_dirs(dirs)
        )
    })
}

fn join_dirs(dirs: &[PathBuf]) -> String {
    let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    shown.join(":")
}

/// A regular, executable file that starts with the ELF magic.
pub(crate) fn is_elf_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.permissions().mode() & 0o111 == 0 {
        return false;
    }
    let mut magic = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && magic == *b"\x7fELF"
}

/// Runs a trusted host command with no stdin, from `/` (so no rust-toolchain.toml or similar in
/// the caller's directory changes the answer), and returns stdout followed by stderr. A command
/// that runs longer than `timeout` is killed.
pub(crate) fn output(program: &Path, args: &[&str], timeout: Duration) -> Result<String, String> {
    let mut child = Command::new(program)
        .args(args)
        .current_dir("/")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    // Readers on their own threads so a chatty probe never blocks on a full pipe.
    let stdout = child.stdout.take().map(read_all_thread);
    let stderr = child.stderr.take().map(read_all_thread);
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "{} {} did not answer within {timeout:?}",
                    program.display(),
                    args.join(" ")
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(format!("waiting for {}: {e}", program.display())),
        }
    };
    let mut text = stdout.and_then(|h| h.join().ok()).unwrap_or_default();
    text.push_str(&stderr.and_then(|h| h.join().ok()).unwrap_or_default());
    if !status.success() {
        return Err(format!(
            "{} {} failed ({status}): {}",
            program.display(),
            args.join(" "),
            first_line(&text)
        ));
    }
    Ok(text)
}

fn read_all_thread(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.by_ref().take(64 << 10).read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// The first non-empty line, trimmed.
pub(crate) fn first_line(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("")
}

/// The `KEY="value"` entry of a shell-style release file (the JDK's `release`).
pub(crate) fn release_value<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines()
        .filter_map(|line| line.strip_prefix(key)?.strip_prefix('='))
        .map(|value| value.trim().trim_matches('"'))
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_values_are_read() {
        let text =
            "IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.15\"\nJAVA_VERSION_DATE=\"2025-04-15\"\n";
        assert_eq!(release_value(text, "JAVA_VERSION"), Some("17.0.15"));
        assert_eq!(release_value(text, "MISSING"), None);
    }

    #[test]
    fn first_line_skips_blank_lines() {
        assert_eq!(first_line("\n  \n Python 3.11.2 \nmore"), "Python 3.11.2");
        assert_eq!(first_line(""), "");
    }

    #[test]
    fn shims_are_not_real_binaries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let shim = dir.path().join("python3");
        std::fs::write(&shim, "#!/bin/sh\nexec pyenv exec python3 \"$@\"\n").expect("write");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&shim, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        assert!(!is_elf_executable(&shim));
        assert!(find_real("python3", &[dir.path().to_path_buf()]).is_empty());
    }
}
