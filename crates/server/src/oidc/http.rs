//! The HTTP client the OpenID Connect flow talks to providers with: time-limited, no
//! redirects followed (a redirect could point a token request elsewhere), bodies capped, and
//! only to URLs `config::allowed_url` accepts (HTTPS, or plain HTTP on loopback) — checked on
//! every request, so a discovery document cannot send us to a plain-HTTP endpoint either.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use openidconnect::{AsyncHttpClient, HttpRequest, HttpResponse};
use thiserror::Error;

use crate::config::allowed_url;

/// Whole request, connection included.
const TIMEOUT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Discovery documents, key sets and token responses are a few KiB; this is generous.
pub const MAX_BODY: usize = 1 << 20;

#[derive(Debug, Error)]
pub enum HttpError {
    #[error("refusing a request to {0} (only https://, or http:// on loopback)")]
    Scheme(String),
    #[error("cannot build the request: {0}")]
    Build(String),
    #[error("the provider did not answer: {0}")]
    Transport(#[source] reqwest::Error),
    #[error("the provider's answer is larger than {MAX_BODY} bytes")]
    TooLarge,
}

#[derive(Clone)]
pub struct ProviderHttp {
    client: reqwest::Client,
}

impl ProviderHttp {
    pub fn new() -> Result<Self, reqwest::Error> {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("tandem/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(ProviderHttp { client })
    }

    /// Sends one request from the OpenID Connect library and reads at most `MAX_BODY` bytes.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        let url = url::Url::parse(&request.uri().to_string())
            .map_err(|err| HttpError::Build(err.to_string()))?;
        if !allowed_url(&url) {
            // Origin only: a URL may carry query parameters we would rather not log.
            return Err(HttpError::Scheme(url.origin().ascii_serialization()));
        }
        let (parts, body) = request.into_parts();
        let mut response = self
            .client
            .request(parts.method, url)
            .headers(parts.headers)
            .body(body)
            .send()
            .await
            .map_err(|err| HttpError::Transport(err.without_url()))?;
        if response
            .content_length()
            .is_some_and(|length| length > MAX_BODY as u64)
        {
            return Err(HttpError::TooLarge);
        }
        let status = response.status();
        let headers = response.headers().clone();
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|err| HttpError::Transport(err.without_url()))?
        {
            if bytes.len() + chunk.len() > MAX_BODY {
                return Err(HttpError::TooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        let mut answer = HttpResponse::new(bytes);
        *answer.status_mut() = status;
        *answer.headers_mut() = headers;
        Ok(answer)
    }
}

impl<'c> AsyncHttpClient<'c> for ProviderHttp {
    type Error = HttpError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, HttpError>> + Send + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(self.send(request))
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    fn get(url: &str) -> HttpRequest {
        let mut request = HttpRequest::new(Vec::new());
        *request.uri_mut() = url.parse().expect("uri");
        request
    }

    #[tokio::test]
    async fn plain_http_is_refused_unless_the_host_is_loopback() {
        let http = ProviderHttp::new().expect("client");
        for url in [
            "http://id.example.org/token",
            "http://10.1.2.3/",
            "ftp://127.0.0.1/",
        ] {
            let err = http.send(get(url)).await.expect_err(url);
            assert!(matches!(err, HttpError::Scheme(_)), "{url}: {err}");
        }
    }

    /// One HTTP answer with a body of `size` bytes, on 127.0.0.1.
    async fn serve_once(size: usize, announce_length: bool) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.expect("accept");
            let mut buf = [0u8; 1024];
            let _ = socket.read(&mut buf).await;
            let head = if announce_length {
                format!("HTTP/1.1 200 OK\r\ncontent-length: {size}\r\n\r\n")
            } else {
                "HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n".to_string()
            };
            let _ = socket.write_all(head.as_bytes()).await;
            let _ = socket.write_all(&vec![b'x'; size]).await;
        });
        format!("http://{addr}/")
    }

    #[tokio::test]
    async fn answers_are_read_up_to_the_limit() {
        let http = ProviderHttp::new().expect("client");
        let small = serve_once(100, true).await;
        let answer = http.send(get(&small)).await.expect("small answer");
        assert_eq!(answer.body().len(), 100);
        for announce in [true, false] {
            let big = serve_once(MAX_BODY + 1, announce).await;
            let err = http.send(get(&big)).await.expect_err("too large");
            assert!(matches!(err, HttpError::TooLarge), "{err}");
        }
    }
}
