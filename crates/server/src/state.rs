//! What every request handler shares.

use std::sync::Arc;

use tandem_store::Store;

use crate::auth::backoff::Backoff;
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
    /// The passkey relying party (`auth.webauthn_rp_id`, `auth.webauthn_origin`).
    pub webauthn: webauthn_rs::Webauthn,
}
