//! What every request handler shares.

use std::sync::Arc;

use tandem_store::Store;

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
}
