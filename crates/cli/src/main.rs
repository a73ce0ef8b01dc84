//! The `tandem` binary.

mod args;
mod bank;
mod doctor;
mod input;
mod judge_cmd;
mod kattis_cmd;
mod problems_cmd;
mod run_cmd;
mod sandbox;
mod serve_cmd;
mod units;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command, ProblemsCommand};

fn main() -> ExitCode {
    // The box process: must come before anything else (no clap, no threads).
    if std::env::args().nth(1).as_deref() == Some(tandem_sandbox::BOX_ARG) {
        tandem_sandbox::box_main();
    }

    // Like any Unix filter: `tandem judge ... | head` ends quietly when the reader goes away,
    // instead of panicking on a failed print (Rust ignores SIGPIPE by default).
    // SAFETY: restoring the default disposition of one signal, before any thread exists.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };

    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!(
                "tandem: {} (see tandem --help)",
                one_line(&e.render().to_string())
            );
            return ExitCode::from(2);
        }
    };
    let result = match &cli.command {
        Command::Serve(args) => serve_cmd::run(args).map(|()| ExitCode::SUCCESS),
        Command::Run(args) => run_cmd::run(args).map(|()| ExitCode::SUCCESS),
        Command::Doctor(args) => doctor::run(args),
        Command::Judge(args) => judge_cmd::run(args).map(|()| ExitCode::SUCCESS),
        Command::Problems(ProblemsCommand::Validate(args)) => problems_cmd::validate_cmd(args),
        Command::Problems(ProblemsCommand::Import(args)) => {
            kattis_cmd::import_cmd(args).map(|()| ExitCode::SUCCESS)
        }
        Command::Problems(ProblemsCommand::Export(args)) => {
            kattis_cmd::export_cmd(args).map(|()| ExitCode::SUCCESS)
        }
    };
    result.unwrap_or_else(|e| {
        eprintln!("tandem: error: {e:#}");
        ExitCode::FAILURE
    })
}

/// Clap's message without the usage block and tips, on one line: the contract is one clear line
/// per refusal.
fn one_line(rendered: &str) -> String {
    let parts: Vec<&str> = rendered
        .lines()
        .take_while(|line| !line.starts_with("Usage:") && !line.starts_with("For more information"))
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("tip:"))
        .collect();
    if parts.is_empty() {
        "error: invalid arguments".to_owned()
    } else {
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_errors_become_one_line() {
        let rendered = "error: the following required arguments were not provided:\n  <SOURCE>\n\nUsage: tandem run <SOURCE>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "error: the following required arguments were not provided: <SOURCE>"
        );
        let rendered = "error: unexpected argument '--x' found\n\n  tip: to pass '--x' as a value, use '-- --x'\n\nUsage: tandem run\n";
        assert_eq!(one_line(rendered), "error: unexpected argument '--x' found");
    }
}
