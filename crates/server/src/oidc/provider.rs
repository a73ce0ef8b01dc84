//! One configured provider: its discovery document (cached; fetched again after an hour or
//! when an ID token's key is not in it), the authorization request (code flow, PKCE S256,
//! state, nonce) and the code exchange with the ID token's verification (signature against
//! the provider's JWKS, issuer, audience, expiry, nonce, and `at_hash` when present).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken,
    IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    RequestTokenError, Scope, TokenResponse,
};
use thiserror::Error;

use super::http::ProviderHttp;
use crate::config::OidcProviderConfig;

/// A discovery document older than this is fetched again at the next login.
const METADATA_TTL: Duration = Duration::from_secs(3600);

/// Why a login with a provider failed. Messages never hold a token, a code or a secret.
#[derive(Debug, Error)]
pub enum FlowError {
    #[error("the provider could not be reached or gave an unusable answer: {0}")]
    Unreachable(String),
    #[error("the provider refused the authorization code: {0}")]
    Refused(String),
    #[error("the ID token is not valid: {0}")]
    TokenInvalid(String),
}

/// What the authorization request needs to be finished later; kept on the server.
pub struct Begun {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// The verified identity from an ID token.
#[derive(Debug, Clone)]
pub struct Verified {
    pub subject: String,
    /// Only when the provider says it is verified.
    pub email: Option<String>,
    pub preferred_username: Option<String>,
}

pub struct Provider {
    pub config: OidcProviderConfig,
    issuer: IssuerUrl,
    http: ProviderHttp,
    /// Held only to read or replace the cached document, never across a fetch.
    cached: Mutex<Option<(Arc<CoreProviderMetadata>, Instant)>>,
}

impl Provider {
    pub fn new(config: OidcProviderConfig, http: ProviderHttp) -> Result<Self, FlowError> {
        let issuer = IssuerUrl::new(config.issuer.clone())
            .map_err(|err| FlowError::Unreachable(format!("issuer URL: {err}")))?;
        Ok(Provider {
            config,
            issuer,
            http,
            cached: Mutex::new(None),
        })
    }

    fn cached(&self) -> Option<Arc<CoreProviderMetadata>> {
        let guard = self.cached.lock().unwrap_or_else(|e| e.into_inner());
        guard
            .as_ref()
            .filter(|(_, at)| at.elapsed() < METADATA_TTL)
            .map(|(metadata, _)| Arc::clone(metadata))
    }

    /// The discovery document (with the JWKS), from the cache unless `fresh` or stale. A failed
    /// fetch leaves nothing cached, so the next login tries again.
    async fn metadata(&self, fresh: bool) -> Result<Arc<CoreProviderMetadata>, FlowError> {
        if !fresh && let Some(metadata) = self.cached() {
            return Ok(metadata);
        }
        let fetched = CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|err| FlowError::Unreachable(describe(&err)))?;
        let fetched = Arc::new(fetched);
        let mut guard = self.cached.lock().unwrap_or_else(|e| e.into_inner());
        *guard = Some((Arc::clone(&fetched), Instant::now()));
        Ok(fetched)
    }

    /// Forgets the cached document (a failure suggests it is out of date).
    fn forget(&self) {
        let mut guard = self.cached.lock().unwrap_or_else(|e| e.into_inner());
        *guard = None;
    }

    fn client(
        &self,
        metadata: &CoreProviderMetadata,
        redirect_uri: &str,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
        FlowError,
    > {
        let secret = (!self.config.client_secret.is_empty())
            .then(|| ClientSecret::new(self.config.client_secret.clone()));
        let redirect = RedirectUrl::new(redirect_uri.to_string())
            .map_err(|err| FlowError::Unreachable(format!("redirect URI: {err}")))?;
        Ok(CoreClient::from_provider_metadata(
            metadata.clone(),
            ClientId::new(self.config.client_id.clone()),
            secret,
        )
        .set_redirect_uri(redirect))
    }

    /// The URL to send the browser to, with a fresh state, nonce and PKCE pair.
    pub async fn begin(&self, redirect_uri: &str) -> Result<Begun, FlowError> {
        let metadata = self.metadata(false).await?;
        let client = self.client(&metadata, redirect_uri)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client.authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        );
        // `openid` is always sent by the library.
        for scope in self.config.scopes.iter().filter(|s| *s != "openid") {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.set_pkce_challenge(challenge).url();
        Ok(Begun {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    /// Exchanges the code (with the PKCE verifier) and verifies the ID token.
    pub async fn finish(
        &self,
        code: &str,
        redirect_uri: &str,
        nonce: &str,
        pkce_verifier: &str,
    ) -> Result<Verified, FlowError> {
        let metadata = self.metadata(false).await?;
        let client = self.client(&metadata, redirect_uri)?;
        let exchanged = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|err| FlowError::Unreachable(format!("no token endpoint: {err}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_string()))
            .request_async(&self.http)
            .await;
        let tokens = match exchanged {
            Ok(tokens) => tokens,
            Err(RequestTokenError::ServerResponse(answer)) => {
                return Err(FlowError::Refused(answer.error().to_string()));
            }
            Err(RequestTokenError::Request(err)) => {
                self.forget();
                return Err(FlowError::Unreachable(err.to_string()));
            }
            // The body of an unreadable answer may hold tokens: only say what went wrong.
            Err(RequestTokenError::Parse(err, _)) => {
                return Err(FlowError::Unreachable(format!(
                    "unreadable token response at {}",
                    err.path()
                )));
            }
            Err(RequestTokenError::Other(what)) => return Err(FlowError::Unreachable(what)),
        };
        let Some(id_token) = tokens.id_token() else {
            return Err(FlowError::TokenInvalid(
                "the token response has no id_token".into(),
            ));
        };
        let nonce = Nonce::new(nonce.to_string());
        let verify = |client: &CoreClient<_, _, _, _, _, _>| -> Result<Verified, VerifyError> {
            let verifier = client.id_token_verifier();
            let claims = id_token.claims(&verifier, &nonce)?;
            if let Some(expected) = claims.access_token_hash() {
                let alg = id_token
                    .signing_alg()
                    .map_err(|e| VerifyError::Other(e.to_string()))?;
                let key = id_token
                    .signing_key(&verifier)
                    .map_err(|e| VerifyError::Other(e.to_string()))?;
                let actual = AccessTokenHash::from_token(tokens.access_token(), alg, key)
                    .map_err(|e| VerifyError::Other(e.to_string()))?;
                if actual != *expected {
                    return Err(VerifyError::Other(
                        "at_hash does not match the access token".into(),
                    ));
                }
            }
            let email = match (claims.email(), claims.email_verified()) {
                (Some(email), Some(true)) => Some(email.as_str().to_string()),
                _ => None,
            };
            Ok(Verified {
                subject: claims.subject().as_str().to_string(),
                email,
                preferred_username: claims.preferred_username().map(|u| u.as_str().to_string()),
            })
        };
        match verify(&client) {
            Ok(verified) => Ok(verified),
            // The provider may have rotated its keys since discovery: fetch them again once.
            Err(VerifyError::Claims(ClaimsVerificationError::SignatureVerification(_))) => {
                let metadata = self.metadata(true).await?;
                let client = self.client(&metadata, redirect_uri)?;
                verify(&client).map_err(|err| FlowError::TokenInvalid(err.to_string()))
            }
            Err(err) => Err(FlowError::TokenInvalid(err.to_string())),
        }
    }
}

#[derive(Debug, Error)]
enum VerifyError {
    #[error("{0}")]
    Claims(#[from] ClaimsVerificationError),
    #[error("{0}")]
    Other(String),
}

/// An error and its causes in one line.
fn describe(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
