//! `tandem serve`'s configuration: documented defaults, one TOML file, then environment
//! overrides named `TANDEM_<SECTION>_<KEY>` (e.g. `TANDEM_SERVER_LISTEN=0.0.0.0:8080`).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

mod oidc;

pub use oidc::{OidcProviderConfig, allowed_url};

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("environment variable {name}: {message}")]
    Env { name: String, message: String },
    #[error("{key}: {message}")]
    Invalid { key: &'static str, message: String },
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub server: ServerConfig,
    pub database: DatabaseConfig,
    pub problems: ProblemsConfig,
    pub queue: QueueConfig,
    pub limits: LimitsConfig,
    pub sandbox: SandboxConfig,
    pub log: LogConfig,
    pub auth: AuthConfig,
    pub rate_limits: RateLimitsConfig,
    pub smtp: SmtpConfig,
}

/// The mail server magic sign-in links go through. Empty `host`: magic links are off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmtpConfig {
    /// SMTP server name or address; empty turns magic-link sign-in off.
    pub host: String,
    /// 587 for STARTTLS, 465 for implicit TLS, 25 or a local port for `none`.
    pub port: u16,
    /// Login name; empty: send without authenticating.
    pub username: String,
    /// Login password. Prefer the environment (`TANDEM_SMTP_PASSWORD`) to the file;
    /// `--print-config` never shows it.
    pub password: String,
    /// The sender, e.g. `Tandem <no-reply@tandem.example.org>`.
    pub from: String,
    /// `starttls` (upgrade a plain connection; refused if the server cannot), `tls` (TLS from
    /// the first byte) or `none` (plain text: the link travels readable, so use it only for a
    /// relay on the same machine, e.g. 127.0.0.1).
    pub tls: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    /// Address to listen on; port 0 picks a free port (printed at start).
    pub listen: String,
    /// Days a guest's browser session cookie lives.
    pub session_days: u32,
    /// Mark cookies `Secure` and send HSTS. Turn on whenever the app is reached over HTTPS
    /// (directly or behind a TLS-terminating proxy); leave off for plain-HTTP local use, where
    /// browsers would drop a Secure cookie.
    pub secure_cookies: bool,
    /// The origin browsers use to reach the app (`https://tandem.example.org`), when it differs
    /// from the Host header the server sees (behind a proxy). Empty: the request's Host.
    pub public_origin: String,
    /// Take the client address from the last hop of `X-Forwarded-For` (only behind a proxy
    /// you run, which appends it); otherwise the socket peer is the client.
    pub trust_forwarded_for: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuthConfig {
    /// Usernames that are admins: promoted at start-up and whenever they sign up or sign in.
    pub admins: Vec<String>,
    /// Seconds a signed-in browser session lives (checked on the server at every request).
    pub session_seconds: u64,
    /// OpenID Connect providers to sign in with (`[[auth.oidc]]` tables); none by default.
    pub oidc: Vec<OidcProviderConfig>,
    /// Minutes a mailed sign-in link stays usable (it works once).
    pub magic_link_minutes: u64,
    /// The WebAuthn relying party id passkeys are bound to: a domain name (never an IP
    /// address), the host of `webauthn_origin` or a parent domain of it. Empty: the host of
    /// `server.public_origin`, else `localhost`.
    pub webauthn_rp_id: String,
    /// The origin browsers run passkey ceremonies on (`https://tandem.example.org`). Empty:
    /// `server.public_origin`, else `http://localhost` on any port (local use; browse
    /// http://localhost:PORT, since browsers refuse WebAuthn on an IP address).
    pub webauthn_origin: String,
}

/// Requests allowed per minute (a token bucket: the whole count may come at once, then one
/// more every 60/count seconds), per client address and per user, and the sign-in backoff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RateLimitsConfig {
    pub signin_per_ip: u32,
    /// Per username tried, whoever tries it.
    pub signin_per_user: u32,
    pub signup_per_ip: u32,
    /// Per guest trying to sign up.
    pub signup_per_user: u32,
    /// POST /api/runs (runs and submissions).
    pub runs_per_ip: u32,
    pub runs_per_user: u32,
    /// Sign-ins and links started with an OpenID Connect provider (GET .../oidc/{id}/start).
    pub oidc_per_ip: u32,
    pub oidc_per_user: u32,
    /// Failed sign-ins for one username before each further attempt must wait.
    pub signin_failures_before_backoff: u32,
    /// The longest wait of the backoff (it doubles from 1 s per further failure).
    pub signin_backoff_max_seconds: u64,
    /// Sign-in links asked for, per client address per minute.
    pub magic_link_per_ip: u32,
    /// Sign-in links mailed to one address, per hour (whoever asks).
    pub magic_link_per_email: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// SQLite file; empty means `$XDG_DATA_HOME/tandem/tandem.db` (or `~/.local/share/...`).
    pub path: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ProblemsConfig {
    /// Extra directories of problem packages, loaded after the built-in bank.
    pub dirs: Vec<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QueueConfig {
    /// Judge worker threads; 0 means one per core.
    pub workers: usize,
    /// Runs waiting in all; beyond it a run is refused with 429 and Retry-After.
    pub capacity: usize,
    /// Runs one user may have waiting or running at once.
    pub per_user: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    /// Largest request body, in bytes (413 beyond).
    pub body_bytes: usize,
    /// Largest source code of a run or draft, in bytes.
    pub code_bytes: usize,
    /// Largest custom input, in bytes.
    pub custom_input_bytes: usize,
    /// Largest avatar upload, in bytes (413 beyond).
    pub avatar_bytes: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SandboxConfig {
    /// Start even when the host cannot enforce every limit (no usable cgroup).
    pub allow_weaker: bool,
    /// Compile cache directory; empty means the default (see `tandem run --help`).
    pub cache_dir: String,
    /// Boxes kept ready per kind of run (fewer start-up milliseconds per run).
    pub warm_boxes: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// `json` (one object per line) or `text`.
    pub format: String,
    /// A tracing filter, e.g. `info` or `tandem_server=debug,info`.
    pub level: String,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            listen: "127.0.0.1:8080".into(),
            session_days: 30,
            secure_cookies: false,
            public_origin: String::new(),
            trust_forwarded_for: false,
        }
    }
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            admins: Vec::new(),
            session_seconds: 30 * 24 * 3600,
            oidc: Vec::new(),
            magic_link_minutes: 15,
            webauthn_rp_id: String::new(),
            webauthn_origin: String::new(),
        }
    }
}

impl Default for RateLimitsConfig {
    fn default() -> Self {
        Self {
            signin_per_ip: 30,
            signin_per_user: 10,
            signup_per_ip: 10,
            signup_per_user: 5,
            runs_per_ip: 120,
            runs_per_user: 30,
            oidc_per_ip: 30,
            oidc_per_user: 10,
            signin_failures_before_backoff: 5,
            signin_backoff_max_seconds: 300,
            magic_link_per_ip: 10,
            magic_link_per_email: 5,
        }
    }
}

impl Default for SmtpConfig {
    fn default() -> Self {
        Self {
            host: String::new(),
            port: 587,
            username: String::new(),
            password: String::new(),
            from: String::new(),
            tls: "starttls".into(),
        }
    }
}

impl Default for QueueConfig {
    fn default() -> Self {
        Self {
            workers: 0,
            capacity: 64,
            per_user: 4,
        }
    }
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            body_bytes: 256 << 10,
            code_bytes: 64 << 10,
            custom_input_bytes: 64 << 10,
            avatar_bytes: 2 << 20,
        }
    }
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            allow_weaker: false,
            cache_dir: String::new(),
            warm_boxes: 2,
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        Self {
            format: "json".into(),
            level: "info".into(),
        }
    }
}

impl Config {
    /// Defaults, then `file` (when given), then `TANDEM_*` variables from `env`.
    pub fn load(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let mut table = match file {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                })?;
                let parsed: toml::Table =
                    toml::from_str(&text).map_err(|e| ConfigError::Parse {
                        path: path.to_path_buf(),
                        message: e.to_string(),
                    })?;
                // Check the file alone first so its errors name the file.
                toml::Value::Table(parsed.clone())
                    .try_into::<Config>()
                    .map_err(|e| ConfigError::Parse {
                        path: path.to_path_buf(),
                        message: e.to_string(),
                    })?;
                merge(default_table(), parsed)
            }
            None => default_table(),
        };
        let env: Vec<(String, String)> = env.into_iter().collect();
        for (name, value) in &env {
            apply_env(&mut table, name, value)?;
        }
        let mut config: Config =
            toml::Value::Table(table)
                .try_into()
                .map_err(|e: toml::de::Error| ConfigError::Env {
                    name: "TANDEM_*".into(),
                    message: e.to_string(),
                })?;
        oidc::apply_secrets(&mut config.auth.oidc, &env);
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<(), ConfigError> {
        self.listen_addr()?;
        if !matches!(self.log.format.as_str(), "json" | "text") {
            return Err(ConfigError::Invalid {
                key: "log.format",
                message: format!("{:?} is neither \"json\" nor \"text\"", self.log.format),
            });
        }
        let positive: [(&'static str, usize); 6] = [
            ("queue.capacity", self.queue.capacity),
            ("queue.per_user", self.queue.per_user),
            ("limits.body_bytes", self.limits.body_bytes),
            ("limits.code_bytes", self.limits.code_bytes),
            ("limits.custom_input_bytes", self.limits.custom_input_bytes),
            ("limits.avatar_bytes", self.limits.avatar_bytes),
        ];
        let limits = &self.rate_limits;
        let per_minute: [(&'static str, u32); 11] = [
            ("rate_limits.signin_per_ip", limits.signin_per_ip),
            ("rate_limits.signin_per_user", limits.signin_per_user),
            ("rate_limits.signup_per_ip", limits.signup_per_ip),
            ("rate_limits.signup_per_user", limits.signup_per_user),
            ("rate_limits.runs_per_ip", limits.runs_per_ip),
            ("rate_limits.runs_per_user", limits.runs_per_user),
            ("rate_limits.oidc_per_ip", limits.oidc_per_ip),
            ("rate_limits.oidc_per_user", limits.oidc_per_user),
            (
                "rate_limits.signin_failures_before_backoff",
                limits.signin_failures_before_backoff,
            ),
            ("rate_limits.magic_link_per_ip", limits.magic_link_per_ip),
            (
                "rate_limits.magic_link_per_email",
                limits.magic_link_per_email,
            ),
        ];
        let positive = positive
            .into_iter()
            .chain(per_minute.map(|(key, value)| (key, value as usize)))
            .chain([
                ("auth.session_seconds", self.auth.session_seconds as usize),
                (
                    "auth.magic_link_minutes",
                    self.auth.magic_link_minutes as usize,
                ),
            ]);
        for (key, value) in positive {
            if value == 0 {
                return Err(ConfigError::Invalid {
                    key,
                    message: "must be at least 1".into(),
                });
            }
        }
        self.public_origin()?;
        oidc::check(&self.auth.oidc)?;
        self.check_smtp()?;
        self.webauthn()?;
        Ok(())
    }

    /// Whether magic-link sign-in is configured (`smtp.host` set).
    pub fn magic_links_enabled(&self) -> bool {
        !self.smtp.host.trim().is_empty()
    }

    /// Checked at load and again when the app is built (`--listen` may change the address
    /// after loading).
    pub fn check_smtp(&self) -> Result<(), ConfigError> {
        if !self.magic_links_enabled() {
            return Ok(());
        }
        if !matches!(self.smtp.tls.as_str(), "starttls" | "tls" | "none") {
            return Err(ConfigError::Invalid {
                key: "smtp.tls",
                message: format!(
                    "{:?} is none of \"starttls\", \"tls\" and \"none\"",
                    self.smtp.tls
                ),
            });
        }
        if self.smtp.from.trim().is_empty() {
            return Err(ConfigError::Invalid {
                key: "smtp.from",
                message: "set the sender address of sign-in mails (e.g. no-reply@example.org)"
                    .into(),
            });
        }
        // Links in mails must point at an origin we know, never at the Host header of the
        // request that asked (which anyone can forge to get a victim's link sent to them).
        let listen_is_specific = self
            .listen_addr()
            .map(|addr| !addr.ip().is_unspecified())
            .unwrap_or(false);
        if self.public_origin()?.is_none() && !listen_is_specific {
            return Err(ConfigError::Invalid {
                key: "server.public_origin",
                message: "set it when smtp.host is set and the server listens on every address: \
                          sign-in links need the origin browsers use"
                    .into(),
            });
        }
        Ok(())
    }

    pub fn listen_addr(&self) -> Result<SocketAddr, ConfigError> {
        self.server
            .listen
            .parse()
            .map_err(|e| ConfigError::Invalid {
                key: "server.listen",
                message: format!(
                    "{:?} is not an address like 127.0.0.1:8080 ({e})",
                    self.server.listen
                ),
            })
    }

    /// `server.public_origin` without a trailing slash, checked to be `scheme://host[:port]`.
    pub fn public_origin(&self) -> Result<Option<String>, ConfigError> {
        let origin = self.server.public_origin.trim_end_matches('/');
        if origin.is_empty() {
            return Ok(None);
        }
        let valid = ["http://", "https://"].iter().any(|scheme| {
            origin
                .strip_prefix(scheme)
                .is_some_and(|host| !host.is_empty() && !host.contains(['/', '?', '#', '@']))
        });
        if !valid {
            return Err(ConfigError::Invalid {
                key: "server.public_origin",
                message: format!("{origin:?} is not an origin like https://tandem.example.org"),
            });
        }
        Ok(Some(origin.to_ascii_lowercase()))
    }

    /// The SQLite file: the configured one, or the per-user data directory's.
    pub fn database_path(&self) -> PathBuf {
        if !self.database.path.is_empty() {
            return PathBuf::from(&self.database.path);
        }
        let base = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
            .unwrap_or_else(|| PathBuf::from("/var/lib"));
        base.join("tandem").join("tandem.db")
    }

    /// Worker threads: the configured count, or one per core.
    pub fn workers(&self) -> usize {
        if self.queue.workers > 0 {
            return self.queue.workers;
        }
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }

    /// The configuration as a commented TOML file (for `tandem serve --print-config`).
    /// Secrets are masked.
    pub fn to_toml(&self) -> String {
        let mut shown = self.clone();
        for provider in &mut shown.auth.oidc {
            provider.client_secret = oidc::masked(&provider.client_secret).to_string();
        }
        if !shown.smtp.password.is_empty() {
            // Never printed: the printed file is for reading and sharing.
            shown.smtp.password = "(hidden; set TANDEM_SMTP_PASSWORD)".into();
        }
        let body = toml::to_string_pretty(&shown).unwrap_or_default();
        format!(
            "# tandem serve configuration. Every key is optional; environment variables\n\
             # TANDEM_<SECTION>_<KEY> override the file (e.g. TANDEM_QUEUE_WORKERS=4).\n\n{body}"
        )
    }
}

fn default_table() -> toml::Table {
    match toml::Value::try_from(Config::default()) {
        Ok(toml::Value::Table(t)) => t,
        _ => toml::Table::new(),
    }
}

/// `over`'s keys replace `base`'s, section by section.
fn merge(mut base: toml::Table, over: toml::Table) -> toml::Table {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => {
                let merged = merge(std::mem::take(b), o);
                *b = merged;
            }
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
    base
}

/// Applies `TANDEM_<SECTION>_<KEY>=value` when it names a known key; other `TANDEM_*` names
/// (TANDEM_BANK ...) belong to other parts and are left alone.
fn apply_env(table: &mut toml::Table, name: &str, value: &str) -> Result<(), ConfigError> {
    let Some(rest) = name.strip_prefix("TANDEM_") else {
        return Ok(());
    };
    let lower = rest.to_ascii_lowercase();
    // Section names may hold underscores themselves (`rate_limits`): find the section whose
    // name, followed by `_`, starts the variable.
    let Some((section, key)) = table.keys().find_map(|section| {
        lower
            .strip_prefix(section.as_str())
            .and_then(|rest| rest.strip_prefix('_'))
            .map(|key| (section.clone(), key.to_string()))
    }) else {
        return Ok(());
    };
    let key = key.as_str();
    let Some(toml::Value::Table(section_table)) = table.get_mut(&section) else {
        return Ok(());
    };
    let Some(current) = section_table.get(key) else {
        return Ok(());
    };
    let parsed = parse_like(current, value).ok_or_else(|| ConfigError::Env {
        name: name.to_string(),
        message: format!("{value:?} is not a valid {}", current.type_str()),
    })?;
    section_table.insert(key.to_string(), parsed);
    Ok(())
}

fn parse_like(current: &toml::Value, value: &str) -> Option<toml::Value> {
    match current {
        toml::Value::String(_) => Some(toml::Value::String(value.to_string())),
        toml::Value::Integer(_) => value.trim().parse().ok().map(toml::Value::Integer),
        toml::Value::Boolean(_) => match value.trim() {
            "1" | "true" | "yes" => Some(toml::Value::Boolean(true)),
            "0" | "false" | "no" => Some(toml::Value::Boolean(false)),
            _ => None,
        },
        // Lists of paths use the platform's path separator, like PATH.
        toml::Value::Array(_) => Some(toml::Value::Array(
            std::env::split_paths(value)
                .filter(|p| !p.as_os_str().is_empty())
                .map(|p| toml::Value::String(p.display().to_string()))
                .collect(),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_round_trip_through_the_printed_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("tandem.toml");
        std::fs::write(&path, Config::default().to_toml()).expect("write");
        let loaded = Config::load(Some(&path), env(&[])).expect("load");
        assert_eq!(loaded, Config::default());
    }

    #[test]
    fn file_then_environment_override() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("tandem.toml");
        std::fs::write(&path, "[queue]\nworkers = 3\ncapacity = 10\n").expect("write");
        let loaded = Config::load(
            Some(&path),
            env(&[
                ("TANDEM_QUEUE_CAPACITY", "20"),
                ("TANDEM_SERVER_LISTEN", "127.0.0.1:0"),
                ("TANDEM_PROBLEMS_DIRS", "/a:/b"),
                ("TANDEM_BANK", "/ignored"),
                ("TANDEM_RATE_LIMITS_SIGNIN_PER_IP", "7"),
                ("TANDEM_SERVER_SECURE_COOKIES", "true"),
                ("PATH", "/usr/bin"),
            ]),
        )
        .expect("load");
        assert_eq!(loaded.queue.workers, 3);
        assert_eq!(loaded.queue.capacity, 20);
        assert_eq!(loaded.server.listen, "127.0.0.1:0");
        assert_eq!(
            loaded.problems.dirs,
            vec![PathBuf::from("/a"), PathBuf::from("/b")]
        );
        assert_eq!(loaded.workers(), 3);
        assert_eq!(loaded.rate_limits.signin_per_ip, 7);
        assert!(loaded.server.secure_cookies);
    }

    #[test]
    fn oidc_providers_load_from_the_file_with_the_secret_from_the_environment() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("tandem.toml");
        std::fs::write(
            &path,
            "[[auth.oidc]]\nid = \"kc\"\nname = \"Keycloak\"\nissuer = \"https://id.example.org\"\n\
             client_id = \"tandem\"\n",
        )
        .expect("write");
        let loaded = Config::load(
            Some(&path),
            env(&[("TANDEM_AUTH_OIDC_KC_CLIENT_SECRET", "hunter2-secret")]),
        )
        .expect("load");
        let provider = &loaded.auth.oidc[0];
        assert_eq!(provider.client_secret, "hunter2-secret");
        assert_eq!(provider.scopes, ["openid", "email", "profile"]);
        let printed = loaded.to_toml();
        assert!(printed.contains("[[auth.oidc]]"), "{printed}");
        assert!(!printed.contains("hunter2-secret"), "{printed}");
        assert!(!format!("{loaded:?}").contains("hunter2-secret"));
    }

    #[test]
    fn the_smtp_password_comes_from_the_environment_and_is_never_printed() {
        let loaded = Config::load(
            None,
            env(&[
                ("TANDEM_SMTP_HOST", "127.0.0.1"),
                ("TANDEM_SMTP_FROM", "no-reply@example.org"),
                ("TANDEM_SMTP_PASSWORD", "hunter2-secret"),
                ("TANDEM_SERVER_LISTEN", "127.0.0.1:0"),
            ]),
        )
        .expect("load");
        assert!(loaded.magic_links_enabled());
        assert_eq!(loaded.smtp.password, "hunter2-secret");
        let printed = loaded.to_toml();
        assert!(!printed.contains("hunter2-secret"), "{printed}");
        assert!(printed.contains("[smtp]"), "{printed}");
        assert!(!Config::default().magic_links_enabled());
    }

    #[test]
    fn smtp_needs_a_sender_a_known_tls_mode_and_a_known_origin() {
        let base = [
            ("TANDEM_SMTP_HOST", "mail.example.org"),
            ("TANDEM_SMTP_FROM", "no-reply@example.org"),
            ("TANDEM_SERVER_LISTEN", "127.0.0.1:8080"),
        ];
        assert!(Config::load(None, env(&base)).is_ok());
        let cases = [
            ("TANDEM_SMTP_TLS", "ssl", "smtp.tls"),
            ("TANDEM_SMTP_FROM", " ", "smtp.from"),
            (
                "TANDEM_SERVER_LISTEN",
                "0.0.0.0:8080",
                "server.public_origin",
            ),
        ];
        for (name, value, key) in cases {
            let mut vars = base.to_vec();
            vars.push((name, value));
            let err = Config::load(None, env(&vars)).expect_err(key);
            assert!(err.to_string().contains(key), "{err}");
        }
    }

    #[test]
    fn public_origin_must_be_an_origin() {
        let ok = Config::load(
            None,
            env(&[("TANDEM_SERVER_PUBLIC_ORIGIN", "https://Tandem.example.org/")]),
        )
        .expect("load");
        assert_eq!(
            ok.public_origin().expect("origin").as_deref(),
            Some("https://tandem.example.org")
        );
        for bad in ["tandem.example.org", "https://x/path", "ftp://x"] {
            let err =
                Config::load(None, env(&[("TANDEM_SERVER_PUBLIC_ORIGIN", bad)])).expect_err(bad);
            assert!(err.to_string().contains("server.public_origin"), "{err}");
        }
    }

    #[test]
    fn errors_name_the_file_key_or_variable() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("tandem.toml");
        std::fs::write(&path, "[queue]\nworkerz = 3\n").expect("write");
        let err = Config::load(Some(&path), env(&[])).expect_err("unknown key");
        assert!(err.to_string().contains("tandem.toml"), "{err}");
        assert!(err.to_string().contains("workerz"), "{err}");

        let err = Config::load(None, env(&[("TANDEM_QUEUE_WORKERS", "many")])).expect_err("env");
        assert!(err.to_string().contains("TANDEM_QUEUE_WORKERS"), "{err}");

        let err =
            Config::load(None, env(&[("TANDEM_SERVER_LISTEN", "nowhere")])).expect_err("addr");
        assert!(err.to_string().contains("server.listen"), "{err}");

        let err = Config::load(None, env(&[("TANDEM_QUEUE_CAPACITY", "0")])).expect_err("zero");
        assert!(err.to_string().contains("queue.capacity"), "{err}");

        let missing = dir.path().join("absent.toml");
        let err = Config::load(Some(&missing), env(&[])).expect_err("missing");
        assert!(err.to_string().contains("absent.toml"), "{err}");
    }
}
