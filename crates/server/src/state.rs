//! What every request handler shares.

use std::sync::Arc;

use tandem_store::Store;

use crate::auth::backoff::Backoff;
use crate::auth::mailer::Mailer;
use crate::auth::rate::RateLimits;
use crate::bank::Bank;
use crate::config::Config;
use crate::events::RunHub;
use crate::metrics::Metrics;
use crate::queue::RunQueue;
use crate::routes::meta::LanguageView;

pub struct AppState {
    pub config: Config,
    pub store: Arc<dyn Store>,
    pub bank: Arc<Bank>,
    pub queue: Arc<dyn RunQueue>,
    pub hub: Arc<RunHub>,
    pub languages: Vec<LanguageView>,
    pub metrics: Arc<Metrics>,
    pub limits: RateLimits,
    pub backoff: Backoff,
    /// `server.public_origin`, checked and normalised at start-up.
    pub public_origin: Option<String>,
    /// The configured OpenID Connect providers.
    pub oidc: crate::oidc::Providers,
    /// Sends sign-in links; `None` when `[smtp]` is not configured (magic links off).
    pub mailer: Option<Arc<Mailer>>,
    /// `http://<bound address>`, set once the listener is bound: the origin of sign-in links
    /// when `server.public_origin` is empty.
    pub listen_origin: std::sync::OnceLock<String>,
    /// The passkey relying party (`auth.webauthn_rp_id`, `auth.webauthn_origin`).
    /// `None` when passkeys are off (see `Config::webauthn`).
    pub webauthn: Option<webauthn_rs::Webauthn>,
}
