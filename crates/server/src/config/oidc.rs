//! `[[auth.oidc]]`: the OpenID Connect providers people may sign in with. Checked at load so a
//! bad entry stops the server with the key and the provider named, not at the first login.

use std::fmt;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::ConfigError;

/// One provider. The redirect URI to register with it is
/// `<public origin>/api/auth/oidc/<id>/callback`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcProviderConfig {
    /// 1–32 of a-z, 0-9 and `-`: in URLs and in `TANDEM_AUTH_OIDC_<ID>_CLIENT_SECRET`.
    pub id: String,
    /// Shown on the button: "Continue with <name>".
    pub name: String,
    /// The issuer URL; discovery reads `<issuer>/.well-known/openid-configuration`. HTTPS,
    /// except plain HTTP to a loopback address (127.0.0.1, ::1, localhost) for local providers.
    pub issuer: String,
    pub client_id: String,
    /// Empty for a public client (PKCE only). Better set through the environment variable
    /// `TANDEM_AUTH_OIDC_<ID>_CLIENT_SECRET` (id upper-cased, `-` as `_`) than in the file.
    #[serde(default)]
    pub client_secret: String,
    /// Must include `openid`.
    #[serde(default = "default_scopes")]
    pub scopes: Vec<String>,
}

fn default_scopes() -> Vec<String> {
    ["openid", "email", "profile"].map(String::from).to_vec()
}

/// What `--print-config` shows instead of a secret.
pub const MASK: &str = "(set; hidden)";

// Written by hand so that a secret never reaches a log line through `{:?}`.
impl fmt::Debug for OidcProviderConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OidcProviderConfig")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &masked(&self.client_secret))
            .field("scopes", &self.scopes)
            .finish()
    }
}

pub fn masked(secret: &str) -> &'static str {
    if secret.is_empty() { "" } else { MASK }
}

impl OidcProviderConfig {
    /// The environment variable that holds this provider's client secret.
    pub fn secret_variable(&self) -> String {
        format!(
            "TANDEM_AUTH_OIDC_{}_CLIENT_SECRET",
            self.id.to_ascii_uppercase().replace('-', "_")
        )
    }
}

const KEY: &str = "auth.oidc";

fn invalid(id: &str, message: impl fmt::Display) -> ConfigError {
    ConfigError::Invalid {
        key: KEY,
        message: format!("provider {id:?}: {message}"),
    }
}

/// True for hosts that never leave the machine, where plain HTTP cannot be intercepted.
pub fn is_loopback(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
        url::Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        url::Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    }
}

/// HTTPS, or HTTP to a loopback host.
pub fn allowed_url(url: &url::Url) -> bool {
    match url.scheme() {
        "https" => url.host().is_some(),
        "http" => url.host().as_ref().is_some_and(is_loopback),
        _ => false,
    }
}

pub fn check(providers: &[OidcProviderConfig]) -> Result<(), ConfigError> {
    for (index, provider) in providers.iter().enumerate() {
        let id = provider.id.as_str();
        let id_ok = (1..=32).contains(&id.len())
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            return Err(invalid(id, "id must be 1–32 of a-z, 0-9 and -"));
        }
        if providers[..index].iter().any(|other| other.id == id) {
            return Err(invalid(id, "two providers have this id"));
        }
        let name_len = provider.name.trim().chars().count();
        if !(1..=64).contains(&name_len) {
            return Err(invalid(id, "name must be 1–64 characters"));
        }
        let issuer = url::Url::parse(&provider.issuer).map_err(|err| {
            invalid(
                id,
                format!("issuer {:?} is not a URL ({err})", provider.issuer),
            )
        })?;
        if !allowed_url(&issuer) || issuer.query().is_some() || issuer.fragment().is_some() {
            return Err(invalid(
                id,
                format!(
                    "issuer {:?} must be an https:// URL without query or fragment \
                     (plain http:// only to 127.0.0.1, ::1 or localhost)",
                    provider.issuer
                ),
            ));
        }
        if provider.client_id.is_empty() || provider.client_id.len() > 512 {
            return Err(invalid(id, "client_id must be 1–512 bytes"));
        }
        if !provider.scopes.iter().any(|s| s == "openid") {
            return Err(invalid(id, "scopes must include \"openid\""));
        }
        let bad_scope = provider.scopes.iter().find(|s| {
            s.is_empty()
                || s.len() > 128
                || !s
                    .bytes()
                    .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\')
        });
        if let Some(scope) = bad_scope {
            return Err(invalid(
                id,
                format!("scope {scope:?} is not a valid scope token"),
            ));
        }
    }
    Ok(())
}

/// Fills each provider's client secret from `TANDEM_AUTH_OIDC_<ID>_CLIENT_SECRET` when set.
pub fn apply_secrets(providers: &mut [OidcProviderConfig], env: &[(String, String)]) {
    for provider in providers {
        let name = provider.secret_variable();
        if let Some((_, value)) = env.iter().find(|(key, _)| *key == name) {
            provider.client_secret = value.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider(id: &str, issuer: &str) -> OidcProviderConfig {
        OidcProviderConfig {
            id: id.into(),
            name: "Idp".into(),
            issuer: issuer.into(),
            client_id: "tandem".into(),
            client_secret: "s3cret".into(),
            scopes: default_scopes(),
        }
    }

    #[test]
    fn https_everywhere_and_http_only_on_loopback() {
        for ok in [
            "https://id.example.org/realms/x",
            "http://127.0.0.1:9000",
            "http://[::1]:1/",
            "http://localhost:8",
        ] {
            assert!(check(&[provider("a", ok)]).is_ok(), "{ok}");
        }
        for bad in [
            "http://id.example.org",
            "http://10.0.0.1",
            "ftp://x",
            "https://x/?q=1",
            "nope",
        ] {
            let err = check(&[provider("a", bad)]).expect_err(bad);
            assert!(err.to_string().contains("auth.oidc"), "{err}");
        }
    }

    #[test]
    fn ids_are_checked_and_unique() {
        for bad in ["", "Upper", "a_b", &"x".repeat(33)] {
            assert!(check(&[provider(bad, "https://x")]).is_err(), "{bad}");
        }
        let two = [provider("a", "https://x"), provider("a", "https://y")];
        assert!(check(&two).is_err());
    }

    #[test]
    fn the_secret_comes_from_the_environment_and_never_shows_in_debug() {
        let mut providers = [provider("my-idp", "https://x")];
        let env = [(
            "TANDEM_AUTH_OIDC_MY_IDP_CLIENT_SECRET".to_string(),
            "from-env".to_string(),
        )];
        apply_secrets(&mut providers, &env);
        assert_eq!(providers[0].client_secret, "from-env");
        assert!(!format!("{:?}", providers[0]).contains("from-env"));
    }
}
