//! Sign-in with OpenID Connect providers: the configured providers (`Providers`), each with its
//! cached discovery document and the code flow (`provider.rs`), the HTTP client they use
//! (`http.rs`), and usernames for new accounts (`username.rs`). The routes are in
//! `routes/oidc.rs` and `routes/identities.rs`.

pub mod http;
pub mod provider;
pub mod username;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use provider::{FlowError, Provider, Verified};

use crate::config::OidcProviderConfig;

/// The configured providers by id, in config order for the sign-in page.
#[derive(Default)]
pub struct Providers {
    order: Vec<String>,
    by_id: BTreeMap<String, Arc<Provider>>,
}

impl Providers {
    pub fn new(configs: &[OidcProviderConfig]) -> Result<Self, FlowError> {
        let mut providers = Providers::default();
        if configs.is_empty() {
            return Ok(providers);
        }
        let client = http::ProviderHttp::new()
            .map_err(|err| FlowError::Unreachable(format!("HTTP client: {err}")))?;
        for config in configs {
            providers.order.push(config.id.clone());
            providers.by_id.insert(
                config.id.clone(),
                Arc::new(Provider::new(config.clone(), client.clone())?),
            );
        }
        Ok(providers)
    }

    pub fn get(&self, id: &str) -> Option<Arc<Provider>> {
        self.by_id.get(id).cloned()
    }

    /// (id, display name) of every provider, in config order.
    pub fn list(&self) -> Vec<(String, String)> {
        self.order
            .iter()
            .filter_map(|id| self.by_id.get(id))
            .map(|p| (p.config.id.clone(), p.config.name.clone()))
            .collect()
    }
}
