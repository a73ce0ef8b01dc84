//! `tandem serve`: the practice app. Loads the problem bank, opens the store, starts the judge
//! workers behind a bounded fair queue, and serves the HTTP API (docs/api.md) and the embedded
//! web app. The sandbox, toolchains and compile cache come from the caller (`Engine`), because
//! only the `tandem` binary can be a box process.

mod assets;
mod auth;
mod avatar;
mod bank;
pub mod config;
mod error;
mod events;
mod extract;
mod identity;
mod markdown;
mod metrics;
mod oidc;
mod openapi;
pub mod queue;
mod routes;
mod starter;
mod state;
mod time;
mod views;
mod worker;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::serve::ListenerExt;
use tandem_store::{SqliteStore, Store};
use thiserror::Error;
use tokio::net::TcpListener;

pub use bank::{Bank, BankError};
pub use config::{Config, ConfigError};
pub use worker::Engine;

use crate::events::RunHub;
use crate::metrics::Metrics;
use crate::queue::LocalQueue;
use crate::state::AppState;
use crate::worker::Worker;

#[derive(Debug, Error)]
pub enum ServerError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Bank(#[from] BankError),
    #[error("the database: {0}")]
    Store(#[from] tandem_store::StoreError),
    #[error("OpenID Connect: {0}")]
    Oidc(#[from] oidc::FlowError),
    #[error("cannot start the judge workers: {0}")]
    Workers(std::io::Error),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
}

/// A built app, ready to serve.
pub struct App {
    pub router: Router,
    pub problems: usize,
    pub workers: usize,
    pub web_app_built: bool,
    state: Arc<AppState>,
}

impl App {
    /// Opens the store, loads the problems under `bank_roots` and starts the workers.
    pub async fn build(
        config: Config,
        bank_roots: &[PathBuf],
        engine: Engine,
    ) -> Result<App, ServerError> {
        let store = SqliteStore::open(&config.database_path()).await?;
        let store: Arc<dyn Store> = Arc::new(store);
        let interrupted = store
            .fail_unfinished_runs(
                time::now_ms(),
                "the server restarted before this run finished; run it again",
            )
            .await?;
        if interrupted > 0 {
            tracing::warn!(
                runs = interrupted,
                "runs left unfinished by a previous start were marked failed"
            );
        }
        let mut roots = bank_roots.to_vec();
        roots.extend(config.problems.dirs.iter().cloned());
        let bank = Arc::new(Bank::load(&roots)?);
        let hub = Arc::new(RunHub::default());
        let metrics = Arc::new(Metrics::default());
        let languages = routes::meta::language_views(&engine.toolchains);
        let worker = Worker {
            engine,
            store: Arc::clone(&store),
            bank: Arc::clone(&bank),
            hub: Arc::clone(&hub),
            metrics: Arc::clone(&metrics),
            runtime: tokio::runtime::Handle::current(),
        };
        let workers = config.workers();
        let queue = LocalQueue::start(
            workers,
            config.queue.capacity,
            config.queue.per_user,
            Arc::new(worker),
        )
        .map_err(ServerError::Workers)?;
        promote_admins(&config, store.as_ref()).await?;
        let public_origin = config.public_origin()?;
        let webauthn = match config.webauthn()? {
            Some(settings) => Some(auth::passkey::relying_party(&settings)?),
            None => {
                tracing::warn!(
                    "passkeys are off: server.public_origin is an address browsers refuse \
                     passkeys on; set auth.webauthn_origin and auth.webauthn_rp_id to a domain"
                );
                None
            }
        };
        let limits = auth::rate::RateLimits::new(&config.rate_limits);
        let oidc = oidc::Providers::new(&config.auth.oidc)?;
        let backoff = auth::backoff::Backoff::new(
            config.rate_limits.signin_failures_before_backoff,
            std::time::Duration::from_secs(config.rate_limits.signin_backoff_max_seconds),
        );
        config.check_smtp()?;
        let mailer =
            if config.magic_links_enabled() {
                let mailer = auth::mailer::Mailer::new(&config.smtp, Arc::clone(&metrics))
                    .map_err(|err| ConfigError::Invalid {
                        key: "smtp",
                        message: err.to_string(),
                    })?;
                Some(Arc::new(mailer))
            } else {
                None
            };
        let state = Arc::new(AppState {
            config,
            store,
            bank: Arc::clone(&bank),
            queue,
            hub,
            languages,
            metrics,
            limits,
            backoff,
            public_origin,
            oidc,
            mailer,
            listen_origin: std::sync::OnceLock::new(),
            webauthn,
        });
        spawn_pruning(Arc::downgrade(&state));
        Ok(App {
            router: routes::router(Arc::clone(&state)),
            problems: bank.len(),
            workers,
            web_app_built: assets::web_app_built(),
            state,
        })
    }

    /// Binds the configured address (port 0 picks a free one).
    pub async fn bind(&self) -> Result<TcpListener, ServerError> {
        let addr = self.state.config.listen_addr()?;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Listen {
                addr: addr.to_string(),
                source,
            })?;
        // Sign-in links point here when no public origin is configured (the config check
        // makes sure this is a specific address, not 0.0.0.0).
        if let Ok(bound) = listener.local_addr() {
            let _ = self.state.listen_origin.set(format!("http://{bound}"));
        }
        Ok(listener)
    }

    /// Serves until `shutdown` resolves; in-flight requests finish first.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        // With the peer address, which rate limits key on.
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        // Run events are small writes: without TCP_NODELAY, Nagle's algorithm holds each one
        // until the browser's delayed ACK, adding tens of milliseconds to every pushed result.
        let listener = listener.tap_io(|stream| {
            if let Err(err) = stream.set_nodelay(true) {
                tracing::debug!(error = %err, "cannot set TCP_NODELAY");
            }
        });
        axum::serve(listener, service)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(ServerError::Serve)
    }
}

/// Accounts named in `auth.admins` that exist already become admins (the others do when they
/// sign up or sign in).
async fn promote_admins(config: &Config, store: &dyn Store) -> Result<(), ServerError> {
    for name in &config.auth.admins {
        if let Some(account) = store.account_by_username(name).await?
            && account.user.role != tandem_store::Role::Admin
        {
            store
                .set_role(&account.user.id, tandem_store::Role::Admin)
                .await?;
            tracing::info!(username = %name, "made an admin by auth.admins");
        }
    }
    Ok(())
}

/// Once a minute, rate-limit buckets that are full again are dropped, so their memory follows
/// the recent clients only, and expired browser sessions, logins with a provider, sign-in links
/// and passkey ceremonies are deleted. Ends with the app.
fn spawn_pruning(state: std::sync::Weak<AppState>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            let Some(state) = state.upgrade() else { break };
            state.limits.prune();
            if let Err(err) = state.store.delete_expired_sessions(time::now_ms()).await {
                tracing::warn!(error = %err, "cannot delete expired sessions");
            }
            if let Err(err) = state
                .store
                .delete_expired_oidc_pending(time::now_ms())
                .await
            {
                tracing::warn!(error = %err, "cannot delete expired logins with a provider");
            }
            if let Err(err) = state.store.delete_expired_magic_links(time::now_ms()).await {
                tracing::warn!(error = %err, "cannot delete expired sign-in links");
            }
            if let Err(err) = state.store.delete_expired_ceremonies(time::now_ms()).await {
                tracing::warn!(error = %err, "cannot delete expired passkey ceremonies");
            }
        }
    });
}

/// The address a listener got (after binding port 0).
pub fn local_addr(listener: &TcpListener) -> Option<SocketAddr> {
    listener.local_addr().ok()
}
