mod common;

use common::{sandbox, sh, text};
use tandem_sandbox::RunStatus;

#[test]
fn echo_runs_and_reports() {
    let sandbox = sandbox(0);
    let outcome = sh(&sandbox, "echo hello; echo oops >&2; exit 3");
    assert_eq!(text(&outcome.stdout.bytes), "hello\n");
    assert_eq!(text(&outcome.stderr.bytes), "oops\n");
    assert_eq!(outcome.exit_code, Some(3));
    assert_eq!(outcome.status, RunStatus::RuntimeError);
}

#[test]
fn identity_inside_the_box() {
    let sandbox = sandbox(0);
    let outcome = sh(
        &sandbox,
        "id -u; echo $$; hostname; ls /; cat /proc/self/status | grep -E '^(CapEff|NoNewPrivs|Seccomp):'",
    );
    println!(
        "{}\n{}",
        text(&outcome.stdout.bytes),
        text(&outcome.stderr.bytes)
    );
    assert_eq!(outcome.status, RunStatus::Ok, "{outcome:?}");
}
