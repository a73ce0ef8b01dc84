//! A fake OpenID Connect provider for the tests, speaking the real protocol on 127.0.0.1:
//! discovery document, JWKS with an RSA key, `/authorize` (approves at once: 302 back to the
//! redirect URI with a code and the state) and `/token` (checks client authentication, the
//! code, the redirect URI and the PKCE verifier against the S256 challenge; answers with an
//! RS256 ID token holding the nonce). It can be told to misbehave, to test that the app refuses.
//!
//! The signing key is `test-signing-key.pem`, made for these tests only.

#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rsa::RsaPrivateKey;
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const KEY_PEM: &str = include_str!("test-signing-key.pem");
pub const CLIENT_ID: &str = "tandem-test";
pub const CLIENT_SECRET: &str = "fake-client-secret-7f3a";

/// Who the provider says signs in.
#[derive(Debug, Clone)]
pub struct FakeUser {
    pub sub: String,
    pub preferred_username: Option<String>,
    pub email: Option<String>,
    pub email_verified: bool,
}

impl FakeUser {
    pub fn new(sub: &str, preferred_username: &str) -> Self {
        FakeUser {
            sub: sub.into(),
            preferred_username: Some(preferred_username.into()),
            email: Some(format!("{preferred_username}@example.org")),
            email_verified: true,
        }
    }
}

/// Ways the provider can go wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misbehave {
    None,
    /// `/authorize` answers `error=access_denied` (the person cancelled).
    Deny,
    /// The ID token carries another nonce.
    WrongNonce,
    /// The ID token's signature is broken.
    BadSignature,
    /// The ID token expired an hour ago.
    Expired,
    /// The ID token is for another client.
    WrongAudience,
    /// `at_hash` does not match the access token.
    WrongAccessTokenHash,
}

struct Grant {
    redirect_uri: String,
    nonce: Option<String>,
    challenge: String,
    user: FakeUser,
}

/// What the token endpoint saw, for the tests to check.
#[derive(Debug, Clone)]
pub struct TokenCall {
    pub code_verifier: Option<String>,
    pub pkce_ok: bool,
    pub client_ok: bool,
    pub answered: u16,
}

struct Inner {
    issuer: String,
    secret: Option<String>,
    user: FakeUser,
    misbehave: Misbehave,
    codes: HashMap<String, Grant>,
    token_calls: Vec<TokenCall>,
    authorize_queries: Vec<HashMap<String, String>>,
}

#[derive(Clone)]
struct Shared {
    inner: Arc<Mutex<Inner>>,
    key: Arc<RsaPrivateKey>,
}

pub struct FakeOidc {
    pub issuer: String,
    shared: Shared,
    _runtime: tokio::runtime::Runtime,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs()
}

fn random_token() -> String {
    URL_SAFE_NO_PAD.encode(rand::random::<[u8; 24]>())
}

impl FakeOidc {
    /// Starts the provider with a confidential client (`CLIENT_ID`, `CLIENT_SECRET`).
    pub fn start() -> FakeOidc {
        Self::start_with_secret(Some(CLIENT_SECRET))
    }

    /// `None`: a public client (no client authentication, PKCE only).
    pub fn start_with_secret(secret: Option<&str>) -> FakeOidc {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let addr = listener.local_addr().expect("address");
        let issuer = format!("http://{addr}");
        let key = RsaPrivateKey::from_pkcs8_pem(KEY_PEM).expect("the test key parses");
        let shared = Shared {
            inner: Arc::new(Mutex::new(Inner {
                issuer: issuer.clone(),
                secret: secret.map(String::from),
                user: FakeUser::new("user-1", "ada"),
                misbehave: Misbehave::None,
                codes: HashMap::new(),
                token_calls: Vec::new(),
                authorize_queries: Vec::new(),
            })),
            key: Arc::new(key),
        };
        let app = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .with_state(shared.clone());
        runtime.spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeOidc {
            issuer,
            shared,
            _runtime: runtime,
        }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.shared.inner.lock().expect("fake state")
    }

    pub fn set_user(&self, user: FakeUser) {
        self.inner().user = user;
    }

    pub fn misbehave(&self, how: Misbehave) {
        self.inner().misbehave = how;
    }

    pub fn token_calls(&self) -> Vec<TokenCall> {
        self.inner().token_calls.clone()
    }

    pub fn authorize_queries(&self) -> Vec<HashMap<String, String>> {
        self.inner().authorize_queries.clone()
    }
}

async fn discovery(State(shared): State<Shared>) -> Json<Value> {
    let issuer = shared.inner.lock().expect("fake state").issuer.clone();
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
        "scopes_supported": ["openid", "email", "profile"],
        "grant_types_supported": ["authorization_code"],
    }))
}

async fn jwks(State(shared): State<Shared>) -> Json<Value> {
    let public = shared.key.to_public_key();
    Json(json!({"keys": [{
        "kty": "RSA",
        "use": "sig",
        "alg": "RS256",
        "kid": "test-key-1",
        "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
        "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
    }]}))
}

fn with_query(base: &str, pairs: &[(&str, &str)]) -> String {
    let mut url = url::Url::parse(base).expect("redirect_uri is a URL");
    url.query_pairs_mut().extend_pairs(pairs);
    url.to_string()
}

fn found(location: &str) -> Response {
    (
        StatusCode::FOUND,
        [(header::LOCATION, location.to_string())],
    )
        .into_response()
}

fn bad(status: StatusCode, error: &str) -> Response {
    (status, Json(json!({"error": error}))).into_response()
}

async fn authorize(
    State(shared): State<Shared>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let mut inner = shared.inner.lock().expect("fake state");
    inner.authorize_queries.push(query.clone());
    let get = |key: &str| query.get(key).cloned().unwrap_or_default();
    // A request that does not follow the protocol is an error page, not a redirect.
    let scopes: Vec<String> = get("scope").split(' ').map(String::from).collect();
    if get("response_type") != "code"
        || get("client_id") != CLIENT_ID
        || !scopes.iter().any(|s| s == "openid")
        || get("code_challenge_method") != "S256"
        || get("code_challenge").len() < 43
        || get("redirect_uri").is_empty()
    {
        return bad(StatusCode::BAD_REQUEST, "invalid_request");
    }
    let redirect_uri = get("redirect_uri");
    let state = get("state");
    if inner.misbehave == Misbehave::Deny {
        return found(&with_query(
            &redirect_uri,
            &[("error", "access_denied"), ("state", &state)],
        ));
    }
    let code = random_token();
    let grant = Grant {
        redirect_uri: redirect_uri.clone(),
        nonce: query.get("nonce").cloned(),
        challenge: get("code_challenge"),
        user: inner.user.clone(),
    };
    inner.codes.insert(code.clone(), grant);
    found(&with_query(
        &redirect_uri,
        &[("code", &code), ("state", &state)],
    ))
}

/// `client_secret_basic` (form-encoded id and secret in Basic) or `client_secret_post`.
fn client_authenticated(
    secret: Option<&str>,
    headers: &HeaderMap,
    form: &HashMap<String, String>,
) -> bool {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|v| STANDARD.decode(v).ok())
        .and_then(|v| String::from_utf8(v).ok())
        .and_then(|v| {
            let (id, secret) = v.split_once(':')?;
            let decode = |s: &str| -> String {
                url::form_urlencoded::parse(format!("x={s}").as_bytes())
                    .next()
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default()
            };
            Some((decode(id), decode(secret)))
        });
    let (id, given) = match basic {
        Some((id, given)) => (id, Some(given)),
        None => (
            form.get("client_id").cloned().unwrap_or_default(),
            form.get("client_secret").cloned(),
        ),
    };
    id == CLIENT_ID && given.as_deref() == secret
}

async fn token(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let mut inner = shared.inner.lock().expect("fake state");
    let client_ok = client_authenticated(inner.secret.as_deref(), &headers, &form);
    let verifier = form.get("code_verifier").cloned();
    let grant = form.get("code").and_then(|code| inner.codes.remove(code));
    let pkce_ok = match (&grant, &verifier) {
        (Some(grant), Some(verifier)) => {
            URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) == grant.challenge
        }
        _ => false,
    };
    let mut call = TokenCall {
        code_verifier: verifier,
        pkce_ok,
        client_ok,
        answered: 400,
    };
    let answer = if !client_ok {
        call.answered = 401;
        bad(StatusCode::UNAUTHORIZED, "invalid_client")
    } else if form.get("grant_type").map(String::as_str) != Some("authorization_code") {
        bad(StatusCode::BAD_REQUEST, "unsupported_grant_type")
    } else {
        match grant {
            Some(grant) if pkce_ok && form.get("redirect_uri") == Some(&grant.redirect_uri) => {
                call.answered = 200;
                let body = tokens(&shared.key, &inner.issuer, inner.misbehave, &grant);
                Json(body).into_response()
            }
            _ => bad(StatusCode::BAD_REQUEST, "invalid_grant"),
        }
    };
    inner.token_calls.push(call);
    answer
}

fn tokens(key: &RsaPrivateKey, issuer: &str, misbehave: Misbehave, grant: &Grant) -> Value {
    let access_token = random_token();
    let digest = Sha256::digest(access_token.as_bytes());
    let mut at_hash = URL_SAFE_NO_PAD.encode(&digest[..16]);
    if misbehave == Misbehave::WrongAccessTokenHash {
        at_hash = URL_SAFE_NO_PAD.encode([7u8; 16]);
    }
    let now = now();
    let (iat, exp) = if misbehave == Misbehave::Expired {
        (now - 7200, now - 3600)
    } else {
        (now, now + 300)
    };
    let nonce = match misbehave {
        Misbehave::WrongNonce => Some("not-the-nonce-you-sent".to_string()),
        _ => grant.nonce.clone(),
    };
    let audience = if misbehave == Misbehave::WrongAudience {
        "someone-else"
    } else {
        CLIENT_ID
    };
    let mut claims = json!({
        "iss": issuer,
        "sub": grant.user.sub,
        "aud": audience,
        "iat": iat,
        "exp": exp,
        "at_hash": at_hash,
    });
    if let Some(nonce) = nonce {
        claims["nonce"] = json!(nonce);
    }
    if let Some(name) = &grant.user.preferred_username {
        claims["preferred_username"] = json!(name);
    }
    if let Some(email) = &grant.user.email {
        claims["email"] = json!(email);
        claims["email_verified"] = json!(grant.user.email_verified);
    }
    let header = json!({"alg": "RS256", "typ": "JWT", "kid": "test-key-1"});
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let signer = SigningKey::<Sha256>::new(key.clone());
    let mut signature = signer.sign(signing_input.as_bytes()).to_vec();
    if misbehave == Misbehave::BadSignature {
        signature[10] ^= 0x40;
    }
    let id_token = format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature));
    json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": 3600,
        "id_token": id_token,
    })
}
