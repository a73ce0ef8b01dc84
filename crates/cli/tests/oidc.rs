//! Sign-in with an OpenID Connect provider, end to end: a real `tandem serve` and a fake
//! provider (`fake_oidc`) that speaks the protocol on 127.0.0.1. A browser is a cookie-keeping
//! client that does not follow redirects, so every hop (start → provider → callback → page)
//! is checked.

mod fake_oidc;
mod server;

use std::time::Duration;

use fake_oidc::{CLIENT_ID, CLIENT_SECRET, FakeOidc, FakeUser, Misbehave};
use serde_json::{Value, json};
use server::{Client, TestServer};
use tandem_server::config::OidcProviderConfig;

const SLUG: &str = "warmer-day-ahead";
const START: &str = "/api/auth/oidc/fake/start";

fn provider(fake: &FakeOidc, secret: Option<&str>) -> OidcProviderConfig {
    OidcProviderConfig {
        id: "fake".into(),
        name: "Fake ID".into(),
        issuer: fake.issuer.clone(),
        client_id: CLIENT_ID.into(),
        client_secret: secret.unwrap_or_default().into(),
        scopes: vec!["openid".into(), "email".into(), "profile".into()],
    }
}

fn serve(fake: &FakeOidc) -> TestServer {
    let config = provider(fake, Some(CLIENT_SECRET));
    TestServer::start_with(move |c| c.auth.oidc = vec![config])
}

/// A browser: cookies kept, redirects not followed.
fn browser(server: &TestServer) -> Client {
    Client {
        http: reqwest::blocking::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(60))
            .build()
            .expect("client"),
        base: server.base.clone(),
    }
}

/// GET an absolute URL or a path of the server: (status, Location).
fn go(client: &Client, url: &str) -> (u16, String) {
    let url = if url.starts_with("http") {
        url.to_string()
    } else {
        format!("{}{url}", client.base)
    };
    let response = client.http.get(&url).send().expect("request");
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (response.status().as_u16(), location)
}

/// Start → the provider: the callback URL the provider sends the browser to.
fn to_callback(client: &Client, fake: &FakeOidc, start: &str) -> String {
    let (status, authorize) = go(client, start);
    assert_eq!(status, 303, "start answers 303");
    assert!(authorize.starts_with(&fake.issuer), "{authorize}");
    let (status, callback) = go(client, &authorize);
    assert_eq!(status, 302, "the provider redirects back");
    assert!(
        callback.contains("/api/auth/oidc/fake/callback?"),
        "{callback}"
    );
    callback
}

/// The whole flow; the page the browser lands on.
fn login(client: &Client, fake: &FakeOidc, start: &str) -> String {
    let callback = to_callback(client, fake, start);
    let (status, page) = go(client, &callback);
    assert_eq!(status, 303, "the callback answers 303");
    page
}

fn me(client: &Client) -> Value {
    client.get("/api/me").body
}

fn save_draft(client: &Client, code: &str, at: i64) {
    let reply = client.send(
        "PUT",
        &format!("/api/sessions/{SLUG}/drafts/python"),
        &json!({"code": code, "client_updated_at": at}),
    );
    assert_eq!(reply.status, 200, "{}", reply.text);
}

fn draft_of(client: &Client) -> Value {
    client.get(&format!("/api/sessions/{SLUG}")).body["drafts"]["python"]["code"].clone()
}

fn sql(server: &TestServer, statement: &str) {
    server.sql_execute(statement);
}

/// Rows of `table` whose user_id is `user_id`, read straight from the SQLite file.
fn rows_of(server: &TestServer, table: &str, user_id: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE user_id = ?");
    server.sql_i64(&sql, &[user_id])
}

#[test]
fn the_provider_list_names_each_provider_and_the_secret_never_prints() {
    let fake = FakeOidc::start();
    let server = serve(&fake);
    let reply = server.client().get("/api/auth/providers");
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.body,
        json!({"providers": [{"id": "fake", "name": "Fake ID"}]})
    );
    assert!(!reply.text.contains(CLIENT_SECRET));

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tandem.toml");
    std::fs::write(
        &path,
        "[[auth.oidc]]\nid = \"corp-sso\"\nname = \"Corp\"\nissuer = \"https://sso.example.org\"\n\
         client_id = \"t\"\nclient_secret = \"in-the-file-secret\"\n",
    )
    .expect("write");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["serve", "--print-config", "--config"])
        .arg(&path)
        .env("TANDEM_AUTH_OIDC_CORP_SSO_CLIENT_SECRET", "from-env-secret")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        text.contains("[[auth.oidc]]") && text.contains("corp-sso"),
        "{text}"
    );
    assert!(
        !text.contains("from-env-secret") && !text.contains("in-the-file-secret"),
        "{text}"
    );
    assert!(text.contains("client_secret = \"(set; hidden)\""), "{text}");

    // Without providers the list is empty.
    let bare = TestServer::start();
    assert_eq!(
        bare.client().get("/api/auth/providers").body,
        json!({"providers": []})
    );
}

#[test]
fn a_new_account_keeps_guest_work_and_the_next_sign_in_finds_it() {
    let fake = FakeOidc::start();
    let server = serve(&fake);
    // A password account already holds "ada": the new one gets a suffix.
    let taken = server.client();
    let reply = taken.send(
        "POST",
        "/api/auth/signup",
        &json!({"username": "ada", "password": "correct horse battery"}),
    );
    assert_eq!(reply.status, 201, "{}", reply.text);

    let first = browser(&server);
    save_draft(&first, "# as a guest", 1_000);
    let guest_id = me(&first)["id"].clone();
    assert_eq!(login(&first, &fake, START), "/account");
    let account = me(&first);
    assert_eq!(account["kind"], "account");
    assert_eq!(
        account["id"], guest_id,
        "the guest became the account in place"
    );
    assert_eq!(account["username"], "ada2");
    assert_eq!(account["email"], "ada@example.org");
    assert_eq!(draft_of(&first), "# as a guest");
    let identities = first.get("/api/me/identities").body;
    assert_eq!(identities["identities"][0]["provider"], "fake");
    assert_eq!(identities["identities"][0]["name"], "Fake ID");
    // No password was set: a password sign-in as ada2 fails.
    let reply = server.client().send(
        "POST",
        "/api/auth/signin",
        &json!({"username": "ada2", "password": "whatever whatever"}),
    );
    assert_eq!(reply.status, 401);

    // PKCE really happened: the fake checked the verifier against the S256 challenge.
    let calls = fake.token_calls();
    assert_eq!(calls.len(), 1);
    assert!(calls[0].pkce_ok && calls[0].client_ok && calls[0].answered == 200);
    assert!(
        calls[0]
            .code_verifier
            .as_ref()
            .is_some_and(|v| v.len() >= 43)
    );
    let authorize = &fake.authorize_queries()[0];
    assert_eq!(authorize["code_challenge_method"], "S256");
    assert!(authorize["scope"].split(' ').any(|s| s == "email"));
    assert!(!authorize["nonce"].is_empty());

    // Another browser, a guest with work of its own, signs in with the same identity.
    let second = browser(&server);
    let run_body = json!({"problem": SLUG, "language": "python", "kind": "run",
        "code": "class Solution:\n    def daysUntilWarmer(self, t):\n        return [0] * len(t)\n"});
    save_draft(&second, "# newer, from the second browser", 2_000);
    let run = second.send("POST", "/api/runs", &run_body);
    assert_eq!(run.status, 202, "{}", run.text);
    assert_eq!(login(&second, &fake, START), "/account");
    assert_eq!(me(&second)["id"], guest_id, "the same account");
    assert_eq!(draft_of(&second), "# newer, from the second browser");
    let history = second.get(&format!("/api/sessions/{SLUG}/submissions"));
    assert_eq!(history.status, 200, "{}", history.text);
    // Export lists the identity and nothing of a token.
    let export = second.get("/api/me/export");
    assert_eq!(export.body["identities"][0]["subject"], "user-1");
    assert!(!export.text.contains("access_token") && !export.text.contains(CLIENT_SECRET));

    // Delete my data removes the identity and any login in flight: the next sign-in makes a
    // new account.
    let account_id = guest_id.as_str().expect("id").to_string();
    let (status, _) = go(&second, START);
    assert_eq!(status, 303);
    assert_eq!(rows_of(&server, "oidc_pending", &account_id), 1);
    assert_eq!(rows_of(&server, "oidc_identities", &account_id), 1);
    assert_eq!(second.send("DELETE", "/api/me", &json!({})).status, 200);
    assert_eq!(rows_of(&server, "oidc_pending", &account_id), 0);
    assert_eq!(rows_of(&server, "oidc_identities", &account_id), 0);
    let third = browser(&server);
    assert_eq!(login(&third, &fake, START), "/account");
    assert_ne!(me(&third)["id"], guest_id);
    assert_eq!(
        me(&third)["username"],
        "ada2",
        "the name was freed with the data"
    );
}

#[test]
fn tampered_replayed_expired_and_foreign_states_are_refused() {
    let fake = FakeOidc::start();
    let server = serve(&fake);
    let refused = "/signin?error=state_invalid";

    // Tampered state.
    let client = browser(&server);
    let callback = to_callback(&client, &fake, START);
    let tampered = callback.replace("state=", "state=x");
    assert_eq!(go(&client, &tampered), (303, refused.to_string()));
    assert_eq!(me(&client)["kind"], "guest");

    // Replay: the state works once.
    let client = browser(&server);
    let callback = to_callback(&client, &fake, START);
    assert_eq!(go(&client, &callback).1, "/account");
    assert_eq!(go(&client, &callback), (303, refused.to_string()));

    // Expired (older than ten minutes).
    let client = browser(&server);
    let callback = to_callback(&client, &fake, START);
    sql(&server, "UPDATE oidc_pending SET expires_at = 0");
    assert_eq!(go(&client, &callback), (303, refused.to_string()));

    // Started in one browser, finished in another (login CSRF).
    let victim = browser(&server);
    let attacker = browser(&server);
    let callback = to_callback(&attacker, &fake, START);
    assert_eq!(go(&victim, &callback), (303, refused.to_string()));
    assert_eq!(me(&victim)["kind"], "guest");

    // No state at all, and a cancelled sign-in at the provider.
    let client = browser(&server);
    assert_eq!(
        go(&client, "/api/auth/oidc/fake/callback?code=abc"),
        (303, refused.to_string())
    );
    fake.misbehave(Misbehave::Deny);
    let callback = to_callback(&client, &fake, START);
    assert!(callback.contains("error=access_denied"), "{callback}");
    assert_eq!(go(&client, &callback).1, "/signin?error=cancelled");
    // Unknown providers.
    assert_eq!(
        go(&client, "/api/auth/oidc/nope/start").1,
        "/signin?error=unknown_provider"
    );
}

#[test]
fn a_misbehaving_provider_is_refused() {
    let fake = FakeOidc::start();
    let server = serve(&fake);
    for how in [
        Misbehave::WrongNonce,
        Misbehave::BadSignature,
        Misbehave::Expired,
        Misbehave::WrongAudience,
        Misbehave::WrongAccessTokenHash,
    ] {
        fake.misbehave(how);
        let client = browser(&server);
        assert_eq!(
            login(&client, &fake, START),
            "/signin?error=token_invalid",
            "{how:?}"
        );
        assert_eq!(me(&client)["kind"], "guest", "{how:?}");
    }
    assert!(fake.token_calls().iter().all(|c| c.answered == 200));

    // A wrong PKCE verifier: the provider refuses the code.
    fake.misbehave(Misbehave::None);
    let client = browser(&server);
    let callback = to_callback(&client, &fake, START);
    sql(
        &server,
        "UPDATE oidc_pending SET pkce_verifier = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'",
    );
    assert_eq!(go(&client, &callback).1, "/signin?error=provider_refused");
    let last = fake.token_calls().pop().expect("a token call");
    assert!(!last.pkce_ok && last.answered == 400);
}

#[test]
fn a_wrong_client_secret_and_an_unreachable_provider_are_reported() {
    let fake = FakeOidc::start();
    let wrong = provider(&fake, Some("not-the-secret"));
    let server = TestServer::start_with(move |c| c.auth.oidc = vec![wrong]);
    let client = browser(&server);
    assert_eq!(
        login(&client, &fake, START),
        "/signin?error=provider_refused"
    );
    assert_eq!(fake.token_calls().pop().map(|c| c.answered), Some(401));

    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let mut gone = provider(&fake, None);
    gone.issuer = format!("http://127.0.0.1:{port}");
    let server = TestServer::start_with(move |c| c.auth.oidc = vec![gone]);
    let client = browser(&server);
    assert_eq!(
        go(&client, START),
        (303, "/signin?error=provider_unreachable".to_string())
    );
}

#[test]
fn a_public_client_signs_in_with_pkce_alone() {
    let fake = FakeOidc::start_with_secret(None);
    let config = provider(&fake, None);
    let server = TestServer::start_with(move |c| c.auth.oidc = vec![config]);
    // An email the provider has not verified is not used at all, not even for the name: with
    // no preferred_username the name comes from `sub`.
    fake.set_user(FakeUser {
        sub: "pub-1".into(),
        preferred_username: None,
        email: Some("Lin.Wei@example.org".into()),
        email_verified: false,
    });
    let client = browser(&server);
    assert_eq!(login(&client, &fake, START), "/account");
    let account = me(&client);
    assert_eq!(account["kind"], "account");
    assert_eq!(account["username"], "pub-1");
    assert_eq!(account["email"], Value::Null);
    assert!(fake.token_calls().iter().all(|c| c.client_ok && c.pkce_ok));
}

#[test]
fn starts_are_rate_limited_and_out_of_bounds_parameters_are_400() {
    let fake = FakeOidc::start();
    let config = provider(&fake, Some(CLIENT_SECRET));
    let server = TestServer::start_with(move |c| {
        c.auth.oidc = vec![config];
        c.rate_limits.oidc_per_user = 2;
    });
    let client = browser(&server);
    assert_eq!(go(&client, START).0, 303);
    assert!(go(&client, START).1.starts_with(&fake.issuer));
    assert_eq!(
        go(&client, START),
        (303, "/signin?error=rate_limited".to_string())
    );

    let other = server.client();
    let reply = other.get(&format!("{START}?link=2"));
    assert_eq!(reply.status, 400, "{}", reply.text);
    let long_state = "s".repeat(513);
    let reply = other.get(&format!(
        "/api/auth/oidc/fake/callback?code=c&state={long_state}"
    ));
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert!(
        reply.body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("state")
    );
}

#[test]
fn linking_unlinking_and_the_last_way_to_sign_in() {
    let fake = FakeOidc::start();
    let server = serve(&fake);

    // A guest cannot link.
    let guest = browser(&server);
    assert_eq!(
        go(&guest, &format!("{START}?link=1")).1,
        "/signin?error=sign_in_required"
    );

    // A password account links the provider, then signs in with it.
    let bea = browser(&server);
    let reply = bea.send(
        "POST",
        "/api/auth/signup",
        &json!({"username": "bea", "password": "correct horse battery"}),
    );
    assert_eq!(reply.status, 201, "{}", reply.text);
    fake.set_user(FakeUser::new("bea-sub", "beatrice"));
    assert_eq!(
        login(&bea, &fake, &format!("{START}?link=1")),
        "/account?linked=fake"
    );
    let listed = bea.get("/api/me/identities").body;
    assert_eq!(listed["identities"].as_array().map(Vec::len), Some(1));
    let other_browser = browser(&server);
    assert_eq!(login(&other_browser, &fake, START), "/account");
    assert_eq!(me(&other_browser)["username"], "bea");

    // Someone else cannot link bea's identity.
    let cid = browser(&server);
    let reply = cid.send(
        "POST",
        "/api/auth/signup",
        &json!({"username": "cid", "password": "correct horse battery"}),
    );
    assert_eq!(reply.status, 201);
    assert_eq!(
        login(&cid, &fake, &format!("{START}?link=1")),
        "/account?error=identity_linked_elsewhere"
    );
    // An account with the provider linked cannot link a second identity there.
    fake.set_user(FakeUser::new("bea-second-sub", "bea2"));
    assert_eq!(
        login(&bea, &fake, &format!("{START}?link=1")),
        "/account?error=provider_already_linked"
    );

    // bea has a password, so unlinking is fine; unlinking twice is 404.
    assert_eq!(
        bea.send("DELETE", "/api/me/identities/fake", &json!({}))
            .status,
        204
    );
    let again = bea.send("DELETE", "/api/me/identities/fake", &json!({}));
    assert_eq!(again.status, 404, "{}", again.text);
    assert_eq!(
        bea.get("/api/me/identities").body,
        json!({"identities": []})
    );

    // An account made through the provider has no password: its one identity stays.
    fake.set_user(FakeUser::new("dee-sub", "dee"));
    let dee = browser(&server);
    assert_eq!(login(&dee, &fake, START), "/account");
    let refused = dee.send("DELETE", "/api/me/identities/fake", &json!({}));
    assert_eq!(refused.status, 409, "{}", refused.text);
    assert_eq!(refused.body["error"]["code"], "last_sign_in_method");
    assert_eq!(
        guest
            .send("DELETE", "/api/me/identities/fake", &json!({}))
            .status,
        401
    );
    // Signed in to an account, an unknown identity does not silently make another account.
    fake.set_user(FakeUser::new("eve-sub", "eve"));
    assert_eq!(login(&dee, &fake, START), "/signin?error=already_signed_in");
    assert_eq!(me(&dee)["username"], "dee");
}
