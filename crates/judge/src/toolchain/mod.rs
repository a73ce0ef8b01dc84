//! Toolchain detection: for each language, the real binaries on this host, their version and the
//! host paths the box must show. Run once at start-up; probes run in parallel and nothing is
//! cached on disk, so a toolchain installed or removed is seen on the next start.

mod binds;
mod detect;
mod probe;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;
use tandem_sandbox::Bind;

use crate::error::JudgeError;
use crate::language::Language;

/// A language's toolchain as found on this host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toolchain {
    pub language: Language,
    /// What the toolchain says it is (`gcc (Debian 12.2.0-14) 12.2.0`, `Python 3.11.2`). Part of
    /// the compile cache key.
    pub version: String,
    /// The compiler: gcc, g++, javac, rustc, go, or TypeScript's `tsc.js` (run by `runtime`).
    pub compiler: Option<PathBuf>,
    /// The program that runs the result: python3, node, java, sqlite3. Native code runs itself.
    pub runtime: Option<PathBuf>,
    /// TypeScript only: the `node_modules` directory holding `typescript` and `@types/node`.
    pub node_modules: Option<PathBuf>,
    /// Host paths the box shows (read-only) for both the compile and the run step.
    pub binds: Vec<Bind>,
}

impl Toolchain {
    /// The main binary, for display: the compiler when there is one, else the runtime.
    pub fn program(&self) -> Option<&PathBuf> {
        self.compiler.as_ref().or(self.runtime.as_ref())
    }
}

/// Whether a language can be used here, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Availability {
    Available(Toolchain),
    Unavailable { reason: String },
}

/// Where detection looks.
#[derive(Debug, Clone)]
pub struct Search {
    /// Directories searched for binaries, in order (normally `$PATH`, then the usual places).
    pub path: Vec<PathBuf>,
    /// The `node_modules` directory where TypeScript (and `@types/node`) are installed.
    pub node_modules: PathBuf,
    /// How long one version probe may take before the language is declared unavailable.
    pub probe_timeout: Duration,
}

/// Where Tandem's set-up script installs TypeScript.
pub const DEFAULT_NODE_MODULES: &str = "/opt/tandem/toolchains/node_modules";

impl Search {
    /// `$PATH` followed by the standard binary directories and the usual homes of toolchains
    /// installed by hand (rustup's `~/.cargo/bin`, Go's `/usr/local/go/bin`), so a service
    /// started with a minimal `PATH` finds the same toolchains as a login shell.
    pub fn from_env() -> Self {
        let mut path: Vec<PathBuf> = std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).collect())
            .unwrap_or_default();
        let mut fallbacks: Vec<PathBuf> =
            ["/usr/local/bin", "/usr/bin", "/bin", "/usr/local/go/bin"]
                .into_iter()
                .map(PathBuf::from)
                .collect();
        if let Some(home) = std::env::var_os("HOME") {
            fallbacks.push(PathBuf::from(home).join(".cargo/bin"));
        }
        for dir in fallbacks {
            if !path.contains(&dir) {
                path.push(dir);
            }
        }
        path.retain(|dir| dir.is_absolute());
        Self {
            path,
            node_modules: PathBuf::from(DEFAULT_NODE_MODULES),
            probe_timeout: Duration::from_secs(5),
        }
    }
}

/// The detected toolchains of the languages asked for.
#[derive(Debug, Clone, Default)]
pub struct Toolchains {
    entries: BTreeMap<Language, Availability>,
}

impl Toolchains {
    /// Detects the toolchains of `languages`, one thread per language.
    pub fn detect(search: &Search, languages: &[Language]) -> Self {
        let entries = std::thread::scope(|scope| {
            let handles: Vec<_> = languages
                .iter()
                .map(|&lang| (lang, scope.spawn(move || detect::detect(lang, search))))
                .collect();
            handles
                .into_iter()
                .map(|(lang, handle)| {
                    let availability = match handle.join() {
                        Ok(Ok(toolchain)) => Availability::Available(toolchain),
                        Ok(Err(reason)) => Availability::Unavailable { reason },
                        Err(_) => Availability::Unavailable {
                            reason: "detection panicked".into(),
                        },
                    };
                    (lang, availability)
                })
                .collect()
        });
        Self { entries }
    }

    /// Detects every language.
    pub fn detect_all(search: &Search) -> Self {
        Self::detect(search, &Language::ALL)
    }

    /// A set made of given entries (tests, or toolchains configured by hand).
    pub fn from_entries(entries: impl IntoIterator<Item = (Language, Availability)>) -> Self {
        Self {
            entries: entries.into_iter().collect(),
        }
    }

    /// The toolchain of `language`, or why it cannot be used.
    pub fn get(&self, language: Language) -> Result<&Toolchain, JudgeError> {
        match self.entries.get(&language) {
            Some(Availability::Available(toolchain)) => Ok(toolchain),
            Some(Availability::Unavailable { reason }) => Err(JudgeError::Unavailable {
                language,
                reason: reason.clone(),
            }),
            None => Err(JudgeError::Unavailable {
                language,
                reason: "not detected".into(),
            }),
        }
    }

    /// Every detected language with its availability, in `Language::ALL` order.
    pub fn iter(&self) -> impl Iterator<Item = (Language, &Availability)> {
        self.entries
            .iter()
            .map(|(lang, availability)| (*lang, availability))
    }

    /// A summary for `tandem doctor`.
    pub fn summary(&self) -> Vec<ToolchainSummary> {
        self.iter()
            .map(|(language, availability)| match availability {
                Availability::Available(t) => ToolchainSummary {
                    id: language,
                    available: true,
                    version: Some(t.version.clone()),
                    path: t.program().map(|p| p.display().to_string()),
                    reason: None,
                },
                Availability::Unavailable { reason } => ToolchainSummary {
                    id: language,
                    available: false,
                    version: None,
                    path: None,
                    reason: Some(reason.clone()),
                },
            })
            .collect()
    }
}

/// One line of `tandem doctor`'s language list.
#[derive(Debug, Clone, Serialize)]
pub struct ToolchainSummary {
    pub id: Language,
    pub available: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
