//! Which relying party passkeys belong to (`auth.webauthn_rp_id`, `auth.webauthn_origin`),
//! resolved from the config and checked at start-up, so a mistake stops the server with a
//! message instead of failing every ceremony in the browser.

use std::net::IpAddr;

use url::{Host, Url};

use crate::config::{Config, ConfigError};

/// The relying party as WebAuthn needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebauthnSettings {
    /// A domain name: the origin's host or a parent domain of it.
    pub rp_id: String,
    pub origin: Url,
    /// Local use with nothing configured: any port of the origin's host is accepted, since
    /// the port is often chosen at start (`--listen 127.0.0.1:0`) or differs behind a dev proxy.
    pub any_port: bool,
}

fn invalid(key: &'static str, message: String) -> ConfigError {
    ConfigError::Invalid { key, message }
}

impl Config {
    /// The relying party from `auth.webauthn_rp_id` and `auth.webauthn_origin`, with their
    /// defaults (see `AuthConfig`), or what is wrong with them. `None` (passkeys off) when
    /// neither key is set and `server.public_origin` is one browsers refuse passkeys on (an IP
    /// address, or plain HTTP beyond localhost): such a deployment still starts, with the other
    /// ways to sign in.
    pub fn webauthn(&self) -> Result<Option<WebauthnSettings>, ConfigError> {
        match self.webauthn_settings() {
            Err(ConfigError::Invalid { key, .. })
                if key == "server.public_origin"
                    && self.auth.webauthn_origin.is_empty()
                    && self.auth.webauthn_rp_id.trim().is_empty() =>
            {
                Ok(None)
            }
            other => other.map(Some),
        }
    }

    fn webauthn_settings(&self) -> Result<WebauthnSettings, ConfigError> {
        let configured = self.auth.webauthn_origin.trim_end_matches('/');
        let (origin_text, key, any_port) = if !configured.is_empty() {
            (configured.to_string(), "auth.webauthn_origin", false)
        } else if let Some(public) = self.public_origin()? {
            (public, "server.public_origin", false)
        } else {
            ("http://localhost".to_string(), "auth.webauthn_origin", true)
        };
        let origin = Url::parse(&origin_text).map_err(|err| {
            invalid(
                key,
                format!("{origin_text:?} is not an origin like https://tandem.example.org ({err})"),
            )
        })?;
        if !matches!(origin.scheme(), "http" | "https")
            || origin.path() != "/"
            || origin.query().is_some()
            || origin.fragment().is_some()
            || !origin.username().is_empty()
        {
            return Err(invalid(
                key,
                format!("{origin_text:?} is not an origin like https://tandem.example.org"),
            ));
        }
        let host = match origin.host() {
            Some(Host::Domain(domain)) => domain.to_ascii_lowercase(),
            Some(Host::Ipv4(_) | Host::Ipv6(_)) => {
                return Err(invalid(
                    key,
                    format!(
                        "{origin_text:?} is an IP address, where browsers refuse passkeys; \
                         set auth.webauthn_origin (and auth.webauthn_rp_id) to a domain name, \
                         e.g. http://localhost:8080 for local use"
                    ),
                ));
            }
            None => return Err(invalid(key, format!("{origin_text:?} has no host"))),
        };
        // Browsers allow WebAuthn only in a secure context: HTTPS, or plain HTTP on localhost.
        let local = host == "localhost" || host.ends_with(".localhost");
        if origin.scheme() == "http" && !local {
            return Err(invalid(
                key,
                format!(
                    "{origin_text:?} is plain HTTP on a host other than localhost, where \
                     browsers refuse passkeys; use https://"
                ),
            ));
        }
        let rp_id = match self.auth.webauthn_rp_id.trim() {
            "" => host.clone(),
            id => id.to_ascii_lowercase(),
        };
        if rp_id.parse::<IpAddr>().is_ok()
            || rp_id.trim_matches(['[', ']']).parse::<IpAddr>().is_ok()
        {
            return Err(invalid(
                "auth.webauthn_rp_id",
                format!("{rp_id:?} is an IP address; WebAuthn needs a domain name"),
            ));
        }
        if rp_id != host && !host.ends_with(&format!(".{rp_id}")) {
            return Err(invalid(
                "auth.webauthn_rp_id",
                format!(
                    "{rp_id:?} is neither the host of the passkey origin {origin_text:?} nor a \
                     parent domain of it; set auth.webauthn_rp_id to {host:?} or a parent domain"
                ),
            ));
        }
        Ok(WebauthnSettings {
            rp_id,
            origin,
            any_port,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    fn load(pairs: &[(&str, &str)]) -> Result<super::WebauthnSettings, String> {
        let env = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string()));
        Config::load(None, env)
            .map_err(|e| e.to_string())
            .and_then(|c| c.webauthn().map_err(|e| e.to_string()))
            .and_then(|settings| settings.ok_or_else(|| "passkeys off".to_string()))
    }

    #[test]
    fn a_public_origin_browsers_refuse_passkeys_on_turns_them_off() {
        for origin in [
            "http://10.0.0.5:8080",
            "http://tandem.lan",
            "https://192.0.2.7",
        ] {
            let err = load(&[("TANDEM_SERVER_PUBLIC_ORIGIN", origin)]).expect_err(origin);
            assert_eq!(err, "passkeys off", "{origin}");
        }
        // Set explicitly, the same mistake stops the server with the key named.
        let err = load(&[("TANDEM_AUTH_WEBAUTHN_ORIGIN", "http://10.0.0.5:8080")]).expect_err("ip");
        assert!(err.contains("auth.webauthn_origin"), "{err}");
    }

    #[test]
    fn defaults_are_localhost_on_any_port() {
        let settings = load(&[]).expect("defaults");
        assert_eq!(settings.rp_id, "localhost");
        assert_eq!(settings.origin.as_str(), "http://localhost/");
        assert!(settings.any_port);
    }

    #[test]
    fn the_public_origin_is_the_default() {
        let settings = load(&[("TANDEM_SERVER_PUBLIC_ORIGIN", "https://tandem.example.org")])
            .expect("public origin");
        assert_eq!(settings.rp_id, "tandem.example.org");
        assert!(!settings.any_port);
        let parent = load(&[
            ("TANDEM_SERVER_PUBLIC_ORIGIN", "https://tandem.example.org"),
            ("TANDEM_AUTH_WEBAUTHN_RP_ID", "example.org"),
        ])
        .expect("a parent domain");
        assert_eq!(parent.rp_id, "example.org");
    }

    #[test]
    fn inconsistent_settings_are_refused_with_the_key() {
        let cases: [&[(&str, &str)]; 5] = [
            &[("TANDEM_AUTH_WEBAUTHN_RP_ID", "example.org")],
            &[("TANDEM_AUTH_WEBAUTHN_ORIGIN", "http://127.0.0.1:8080")],
            &[("TANDEM_AUTH_WEBAUTHN_ORIGIN", "http://tandem.example.org")],
            &[(
                "TANDEM_AUTH_WEBAUTHN_ORIGIN",
                "https://tandem.example.org/app",
            )],
            &[
                ("TANDEM_AUTH_WEBAUTHN_ORIGIN", "https://tandem.example.org"),
                ("TANDEM_AUTH_WEBAUTHN_RP_ID", "ample.org"),
            ],
        ];
        for case in cases {
            let err = load(case).expect_err("inconsistent");
            assert!(err.contains("auth.webauthn_"), "{case:?}: {err}");
        }
    }
}
