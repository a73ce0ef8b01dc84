//! Sending sign-in links over SMTP (lettre, rustls). Mail goes out on its own task with a
//! timeout, so a slow or dead mail server never holds up the request or tells the asker
//! anything (the API answers 202 either way); failures are logged without the link and counted.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use thiserror::Error;

use crate::config::SmtpConfig;
use crate::metrics::{MailLabels, Metrics};

/// The longest one delivery may take, connection included.
const SEND_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Error)]
pub enum MailError {
    #[error("smtp.from {0:?} is not an address like Tandem <no-reply@example.org>")]
    From(String),
    #[error("smtp.host {host:?}: {source}")]
    Transport {
        host: String,
        source: lettre::transport::smtp::Error,
    },
    #[error("cannot build the mail: {0}")]
    Build(#[from] lettre::error::Error),
}

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    metrics: Arc<Metrics>,
}

impl Mailer {
    /// The transport the `[smtp]` section describes (nothing is connected yet).
    pub fn new(config: &SmtpConfig, metrics: Arc<Metrics>) -> Result<Mailer, MailError> {
        let from: Mailbox = config
            .from
            .parse()
            .map_err(|_| MailError::From(config.from.clone()))?;
        let transport_error = |source| MailError::Transport {
            host: config.host.clone(),
            source,
        };
        let host = config.host.trim();
        let mut builder = match config.tls.as_str() {
            "tls" => AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(transport_error)?,
            "none" => {
                tracing::warn!(
                    host,
                    "smtp.tls = \"none\": sign-in links travel unencrypted to the mail server"
                );
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            }
            _ => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                .map_err(transport_error)?,
        };
        builder = builder.port(config.port).timeout(Some(SEND_TIMEOUT));
        if !config.username.is_empty() {
            builder = builder.credentials(Credentials::new(
                config.username.clone(),
                config.password.clone(),
            ));
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
            metrics,
        })
    }

    /// Sends the sign-in link to `to` on a task of its own; returns at once.
    pub fn send_sign_in_link(self: &Arc<Self>, to: Mailbox, link: String, minutes: u64) {
        let mailer = Arc::clone(self);
        tokio::spawn(async move {
            let outcome = match mailer.deliver(to, &link, minutes).await {
                Ok(()) => "sent",
                Err(err) => {
                    // The error never holds the link: lettre reports the server's reply and
                    // the connection step, not the message body.
                    tracing::warn!(error = %err, "a sign-in mail could not be sent");
                    "failed"
                }
            };
            mailer
                .metrics
                .mails
                .get_or_create(&MailLabels {
                    outcome: outcome.into(),
                })
                .inc();
        });
    }

    async fn deliver(&self, to: Mailbox, link: &str, minutes: u64) -> Result<(), String> {
        let message =
            sign_in_message(self.from.clone(), to, link, minutes).map_err(|err| err.to_string())?;
        match tokio::time::timeout(SEND_TIMEOUT, self.transport.send(message)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(err)) => Err(err.to_string()),
            Err(_) => Err(format!("no answer within {} s", SEND_TIMEOUT.as_secs())),
        }
    }
}

/// The mail: plain text and HTML alternatives with the same link.
fn sign_in_message(
    from: Mailbox,
    to: Mailbox,
    link: &str,
    minutes: u64,
) -> Result<Message, MailError> {
    let text = format!(
        "Hello,\n\nsomeone (hopefully you) asked to sign in to Tandem with this address.\n\
         Open this link to sign in; it works once, within {minutes} minutes:\n\n{link}\n\n\
         If you did not ask, ignore this mail: nothing happens without the link.\n"
    );
    let escaped = html_escape(link);
    let html = format!(
        "<!doctype html><html><body style=\"font-family: sans-serif\">\
         <p>Hello,</p><p>someone (hopefully you) asked to sign in to Tandem with this address.</p>\
         <p><a href=\"{escaped}\">Sign in to Tandem</a></p>\
         <p>The link works once, within {minutes} minutes. If you did not ask, ignore this mail: \
         nothing happens without the link.</p></body></html>"
    );
    Ok(Message::builder()
        .from(from)
        .to(to)
        .subject("Your Tandem sign-in link")
        .multipart(MultiPart::alternative_plain_html(text, html))?)
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mail_has_text_and_html_with_the_link() {
        let from: Mailbox = "Tandem <no-reply@example.org>".parse().expect("from");
        let to: Mailbox = "ada@example.org".parse().expect("to");
        let link = "http://127.0.0.1:1/api/auth/magic-link/verify?token=ab&x=1";
        let message = sign_in_message(from, to, link, 15).expect("message");
        let raw = String::from_utf8(message.formatted()).expect("utf-8");
        assert!(raw.contains("text/plain"), "{raw}");
        assert!(raw.contains("text/html"), "{raw}");
        assert!(raw.contains("Subject: Your Tandem sign-in link"), "{raw}");
        assert!(raw.contains("15 minutes"), "{raw}");
    }

    #[test]
    fn a_bad_sender_is_a_config_error() {
        let config = SmtpConfig {
            host: "127.0.0.1".into(),
            from: "not an address".into(),
            tls: "none".into(),
            ..SmtpConfig::default()
        };
        let err = Mailer::new(&config, Arc::new(Metrics::default())).err();
        assert!(matches!(err, Some(MailError::From(_))), "{err:?}");
    }
}
