//! The command line, declared once with clap. Defaults here are the documented defaults of
//! `tandem run` (PRODUCT.md, CLI).

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use tandem_judge::{Language, Standard};

use crate::units::{parse_duration, parse_size};

#[derive(Debug, Parser)]
#[command(
    name = "tandem",
    version,
    about = "Tandem: practise, pair and judge code, with a sandbox for nine languages"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the practice app (web app and HTTP API) on http://127.0.0.1:8080 by default.
    Serve(ServeArgs),
    /// Compile (if needed) and run one source file in the sandbox; prints one JSON object.
    Run(RunArgs),
    /// Report the language toolchains and the sandbox's capabilities on this host.
    Doctor(DoctorArgs),
    /// Judge a solution against a problem's tests; prints one JSON object.
    Judge(JudgeArgs),
    /// Work with problem packages.
    #[command(subcommand)]
    Problems(ProblemsCommand),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Configuration file (TOML); see --print-config for every key and its default
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Address to listen on, overriding the config (port 0 picks a free port)
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,

    /// Print the effective configuration (defaults, file, environment) as TOML and exit
    #[arg(long)]
    pub print_config: bool,
}

#[derive(Debug, Args)]
pub struct JudgeArgs {
    /// A problem package directory, or the slug of a problem in the bank
    #[arg(long, value_name = "DIR_OR_SLUG")]
    pub problem: String,

    /// Language [default: from the file extension]
    #[arg(long, value_name = "LANG")]
    pub lang: Option<Language>,

    /// Run the hidden tests too (a submission); without it only the public tests run
    #[arg(long)]
    pub all: bool,

    /// Compile cache directory [default: $XDG_CACHE_HOME/tandem/compile or /var/cache/tandem/compile]
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,

    /// The solution's source file (at most 1 MiB)
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ProblemsCommand {
    /// Prove packages: every reference solution accepted, every wrong solution rejected with its
    /// declared verdict, every test input valid; without DIR, the whole bank
    Validate(ValidateArgs),
    /// Import a package of another judge's format as a Tandem package DEST_DIR/<slug>, then load
    /// it (the slug comes from the source directory's name)
    Import(ImportArgs),
    /// Export a stdio package in another judge's format into a new or empty DEST_DIR
    Export(ExportArgs),
}

/// Package formats of other judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PackageFormat {
    /// The ICPC/Kattis problem package format (problem.yaml, data/sample, data/secret, submissions/)
    Kattis,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Format of the source package
    #[arg(long, value_name = "FORMAT")]
    pub from: PackageFormat,

    /// The source package directory
    #[arg(value_name = "SRC_DIR")]
    pub src: PathBuf,

    /// Where the new package goes, as DEST_DIR/<slug> (created if missing)
    #[arg(value_name = "DEST_DIR")]
    pub dest: PathBuf,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Format to write
    #[arg(long, value_name = "FORMAT")]
    pub to: PackageFormat,

    /// A package directory, or the slug of a problem in the bank
    #[arg(value_name = "PACKAGE_DIR_OR_SLUG")]
    pub package: String,

    /// A new or empty directory to write the package into
    #[arg(value_name = "DEST_DIR")]
    pub dest: PathBuf,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Print one JSON object instead of a line per package
    #[arg(long)]
    pub json: bool,

    /// Compile cache directory [default: $XDG_CACHE_HOME/tandem/compile or /var/cache/tandem/compile]
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,

    /// Package directories (or a directory of packages)
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Language: python, javascript, typescript, c, cpp, java, rust, go or sql
    /// [default: from the file extension]
    #[arg(long, value_name = "LANG")]
    pub lang: Option<Language>,

    /// File given to the program as standard input ('-' reads Tandem's own stdin; at most 64 MiB)
    #[arg(long, value_name = "FILE")]
    pub stdin: Option<PathBuf>,

    /// CPU time limit of the run, summed over all threads and processes (ms or s)
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = parse_duration)]
    pub time_limit: Duration,

    /// Wall-clock limit of the run [default: 10s, or twice the time limit when that is longer]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub wall_limit: Option<Duration>,

    /// Memory limit of the run's whole process tree (bytes, KiB, MiB or GiB)
    #[arg(long, value_name = "SIZE", default_value = "256MiB", value_parser = parse_size)]
    pub memory_limit: u64,

    /// Standard output kept; more ends the run with output_limit_exceeded
    #[arg(long, value_name = "SIZE", default_value = "1MiB", value_parser = parse_size)]
    pub output_limit: u64,

    /// SQL only: SQLite database the query runs against (a copy; the file is not changed)
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,

    /// C or C++ standard: c99, c11, c17 (default for C), c++17 (default for C++), c++20
    #[arg(long = "std", value_name = "STD")]
    pub standard: Option<Standard>,

    /// Compile cache directory [default: $XDG_CACHE_HOME/tandem/compile or /var/cache/tandem/compile]
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,

    /// Always run the compiler (the cache is neither read nor written)
    #[arg(long, conflicts_with = "cache_dir")]
    pub no_cache: bool,

    /// The source file (at most 1 MiB)
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Print one JSON object instead of a table
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn run_defaults() {
        let cli = Cli::try_parse_from(["tandem", "run", "main.py"]).expect("parse");
        let Command::Run(args) = cli.command else {
            panic!("not run")
        };
        assert_eq!(args.time_limit, Duration::from_secs(2));
        assert_eq!(args.wall_limit, None);
        assert_eq!(args.memory_limit, 256 << 20);
        assert_eq!(args.output_limit, 1 << 20);
        assert_eq!(args.lang, None);
    }

    #[test]
    fn run_flags() {
        let cli = Cli::try_parse_from([
            "tandem",
            "run",
            "--lang",
            "cpp",
            "--std",
            "c++20",
            "--time-limit",
            "500ms",
            "--wall-limit",
            "3s",
            "--memory-limit",
            "64MiB",
            "--output-limit",
            "10KiB",
            "x.txt",
        ])
        .expect("parse");
        let Command::Run(args) = cli.command else {
            panic!("not run")
        };
        assert_eq!(args.lang, Some(Language::Cpp));
        assert_eq!(args.standard, Some(Standard::Cpp20));
        assert_eq!(args.time_limit, Duration::from_millis(500));
        assert_eq!(args.wall_limit, Some(Duration::from_secs(3)));
        assert_eq!(args.memory_limit, 64 << 20);
        assert_eq!(args.output_limit, 10 << 10);
    }

    #[test]
    fn import_and_export_parse() {
        let cli = Cli::try_parse_from([
            "tandem",
            "problems",
            "import",
            "--from",
            "kattis",
            "src/hello",
            "out",
        ])
        .expect("parse");
        let Command::Problems(ProblemsCommand::Import(args)) = cli.command else {
            panic!("not import")
        };
        assert_eq!(args.from, PackageFormat::Kattis);
        assert_eq!(args.src, PathBuf::from("src/hello"));
        assert_eq!(args.dest, PathBuf::from("out"));

        let cli = Cli::try_parse_from([
            "tandem",
            "problems",
            "export",
            "--to",
            "kattis",
            "best-streak",
            "out",
        ])
        .expect("parse");
        let Command::Problems(ProblemsCommand::Export(args)) = cli.command else {
            panic!("not export")
        };
        assert_eq!(args.to, PackageFormat::Kattis);
        assert_eq!(args.package, "best-streak");

        for argv in [
            &["tandem", "problems", "import", "src", "out"][..],
            &[
                "tandem", "problems", "import", "--from", "polygon", "src", "out",
            ],
            &[
                "tandem",
                "problems",
                "export",
                "--to",
                "kattis",
                "best-streak",
            ],
        ] {
            assert!(Cli::try_parse_from(argv).is_err(), "{argv:?}");
        }
    }

    #[test]
    fn bad_flags_are_rejected() {
        for argv in [
            &["tandem", "run", "--lang", "cobol", "x"][..],
            &["tandem", "run", "--time-limit", "2", "x"],
            &["tandem", "run", "--memory-limit", "256MB", "x"],
            &["tandem", "run"],
            &["tandem", "run", "--frobnicate", "x"],
        ] {
            assert!(Cli::try_parse_from(argv).is_err(), "{argv:?}");
        }
    }
}
