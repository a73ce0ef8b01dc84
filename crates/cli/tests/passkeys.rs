//! Passkeys on a real server: the options the start endpoints answer, refusals (garbled or
//! forged credentials, reused, expired or someone else's ceremonies, guests and accounts in
//! the wrong place, the last passkey, another user's passkey), and full ceremonies driven by
//! webauthn-rs's software authenticator (`SoftPasskey`), which signs real WebAuthn answers.
//!
//! The software authenticator cannot keep discoverable credentials, so these ceremonies ask it
//! for a non-resident one and sign in by username; the browser test
//! (web/e2e/passkeys.test.mjs) covers discoverable sign-in with Chromium's virtual
//! authenticator.

mod server;

use serde_json::{Value, json};
use server::{Client, Reply, TestServer};
use url::Url;
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_rs::prelude::{CreationChallengeResponse, RequestChallengeResponse};

const SLUG: &str = "warmer-day-ahead";
const PASSWORD: &str = "correct horse battery";

fn error_code(reply: &Reply) -> &str {
    reply.body["error"]["code"].as_str().unwrap_or("")
}

/// The origin the software authenticator signs for: localhost on the server's port, as a
/// browser would (WebAuthn refuses IP addresses).
fn origin(server: &TestServer) -> Url {
    let port = Url::parse(&server.base)
        .expect("base url")
        .port()
        .expect("a port");
    Url::parse(&format!("http://localhost:{port}")).expect("origin")
}

fn authenticator() -> WebauthnAuthenticator<SoftPasskey> {
    // `true`: a software token has no user to verify, so it reports the verification a
    // platform authenticator would have done (the server requires it).
    WebauthnAuthenticator::new(SoftPasskey::new(true))
}

/// Creation options as the software token can serve them: non-resident (see the top).
fn creation(public_key: &Value) -> CreationChallengeResponse {
    let mut public_key = public_key.clone();
    public_key["authenticatorSelection"]["residentKey"] = json!("discouraged");
    public_key["authenticatorSelection"]["requireResidentKey"] = json!(false);
    serde_json::from_value(json!({ "publicKey": public_key })).expect("creation options")
}

fn request(public_key: &Value) -> RequestChallengeResponse {
    serde_json::from_value(json!({ "publicKey": public_key })).expect("request options")
}

fn start(client: &Client, path: &str, body: &Value) -> (String, Value) {
    let reply = client.send("POST", path, body);
    assert_eq!(reply.status, 200, "{path}: {}", reply.text);
    let ceremony = reply.body["ceremony"]
        .as_str()
        .expect("ceremony")
        .to_owned();
    (ceremony, reply.body["public_key"].clone())
}

/// A guest signs up with a new software passkey; returns the authenticator.
fn passkey_signup(
    server: &TestServer,
    client: &Client,
    username: &str,
) -> WebauthnAuthenticator<SoftPasskey> {
    let (ceremony, options) = start(
        client,
        "/api/auth/passkey/signup/start",
        &json!({"username": username}),
    );
    let mut token = authenticator();
    let credential = token
        .do_registration(origin(server), creation(&options))
        .expect("the soft token registers");
    let reply = client.send(
        "POST",
        "/api/auth/passkey/signup/finish",
        &json!({"ceremony": ceremony, "credential": credential}),
    );
    assert_eq!(reply.status, 201, "{}", reply.text);
    assert_eq!(reply.body["username"], username);
    assert_eq!(reply.body["kind"], "account");
    token
}

fn passkey_signin(
    server: &TestServer,
    client: &Client,
    username: &str,
    token: &mut WebauthnAuthenticator<SoftPasskey>,
) -> Reply {
    let (ceremony, options) = start(
        client,
        "/api/auth/passkey/signin/start",
        &json!({"username": username}),
    );
    let credential = token
        .do_authentication(origin(server), request(&options))
        .expect("the soft token signs");
    client.send(
        "POST",
        "/api/auth/passkey/signin/finish",
        &json!({"ceremony": ceremony, "credential": credential}),
    )
}

fn add_passkey(server: &TestServer, client: &Client, name: Option<&str>) -> Reply {
    let (ceremony, options) = start(client, "/api/me/passkeys/start", &json!({}));
    let credential = authenticator()
        .do_registration(origin(server), creation(&options))
        .expect("the soft token registers");
    client.send(
        "POST",
        "/api/me/passkeys/finish",
        &json!({"ceremony": ceremony, "credential": credential, "name": name}),
    )
}

fn list(client: &Client) -> Vec<Value> {
    let reply = client.get("/api/me/passkeys");
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply.body.as_array().cloned().expect("a list")
}

/// 32 random bytes as unpadded base64url are 43 characters of its alphabet.
fn assert_challenge(options: &Value) {
    let challenge = options["challenge"].as_str().expect("challenge");
    assert_eq!(challenge.len(), 43, "{challenge}");
    assert!(
        challenge
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
        "{challenge}"
    );
}

fn run_sql(server: &TestServer, sql: &str) -> i64 {
    if sql.starts_with("SELECT") {
        server.sql_i64(sql, &[])
    } else {
        i64::try_from(server.sql_execute(sql)).expect("count")
    }
}

#[test]
fn start_options_name_the_relying_party_and_require_user_verification() {
    let server = TestServer::start();
    let guest = server.client();
    let (first, options) = start(
        &guest,
        "/api/auth/passkey/signup/start",
        &json!({"username": "Alice", "email": "alice@example.org"}),
    );
    assert_eq!(first.len(), 32);
    assert_eq!(options["rp"]["id"], "localhost");
    assert_eq!(options["rp"]["name"], "Tandem");
    assert_eq!(options["user"]["name"], "alice");
    assert_challenge(&options);
    let selection = &options["authenticatorSelection"];
    assert_eq!(selection["userVerification"], "required");
    assert_eq!(selection["residentKey"], "required");
    assert_eq!(options["attestation"], "none");
    assert_eq!(options["timeout"], 300_000);

    let (second, signin) = start(&guest, "/api/auth/passkey/signin/start", &json!({}));
    assert_ne!(first, second);
    assert_eq!(signin["rpId"], "localhost");
    assert_eq!(signin["userVerification"], "required");
    assert_challenge(&signin);
    assert_eq!(signin["allowCredentials"], json!([]));
    assert_ne!(signin["challenge"], options["challenge"]);

    // Field rules are the password sign-up's.
    let bad = guest.send(
        "POST",
        "/api/auth/passkey/signup/start",
        &json!({"username": "no"}),
    );
    assert_eq!(bad.status, 422, "{}", bad.text);
    let bad = guest.send(
        "POST",
        "/api/auth/passkey/signup/start",
        &json!({"username": "bob", "email": "not an email"}),
    );
    assert_eq!(bad.status, 422, "{}", bad.text);
}

#[test]
fn garbled_forged_reused_expired_and_foreign_ceremonies_are_refused() {
    let server = TestServer::start();
    let guest = server.client();
    let finish = |client: &Client, ceremony: &str, credential: Value| {
        client.send(
            "POST",
            "/api/auth/passkey/signup/finish",
            &json!({"ceremony": ceremony, "credential": credential}),
        )
    };

    // Garbled: not a WebAuthn answer. The ceremony is used up by the attempt.
    let (ceremony, options) = start(
        &guest,
        "/api/auth/passkey/signup/start",
        &json!({"username": "alice"}),
    );
    let reply = finish(&guest, &ceremony, json!({"id": "x", "garbage": true}));
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert_eq!(error_code(&reply), "bad_credential");
    let credential = authenticator()
        .do_registration(origin(&server), creation(&options))
        .expect("registers");
    let reused = finish(&guest, &ceremony, json!(credential));
    assert_eq!(reused.status, 400, "{}", reused.text);
    assert_eq!(error_code(&reused), "ceremony_expired");

    // Forged: a real answer, but to another ceremony's challenge.
    let (old, _) = start(
        &guest,
        "/api/auth/passkey/signup/start",
        &json!({"username": "alice"}),
    );
    let (_, other_options) = start(
        &guest,
        "/api/auth/passkey/signup/start",
        &json!({"username": "alice"}),
    );
    let credential = authenticator()
        .do_registration(origin(&server), creation(&other_options))
        .expect("registers");
    let forged = finish(&guest, &old, json!(credential));
    assert_eq!(forged.status, 400, "{}", forged.text);
    assert_eq!(error_code(&forged), "passkey_rejected");

    // Made for another origin: the client data is rewritten (with attestation "none"
    // nothing signs it at registration, so the server's origin check is what stops this).
    let (ceremony, options) = start(
        &guest,
        "/api/auth/passkey/signup/start",
        &json!({"username": "alice"}),
    );
    let mut credential = authenticator()
        .do_registration(origin(&server), creation(&options))
        .expect("registers");
    let client_data = String::from_utf8(credential.response.client_data_json.to_vec())
        .expect("client data is JSON text");
    let elsewhere = client_data.replace("http://localhost", "https://evil.example");
    assert_ne!(client_data, elsewhere);
    credential.response.client_data_json = elsewhere.into_bytes().into();
    let reply = finish(&guest, &ceremony, json!(credential));
    assert_eq!(error_code(&reply), "passkey_rejected", "{}", reply.text);

    // Someone else's ceremony is no ceremony of mine.
    let (theirs, options) = start(
        &server.client(),
        "/api/auth/passkey/signup/start",
        &json!({"username": "mallory"}),
    );
    let credential = authenticator()
        .do_registration(origin(&server), creation(&options))
        .expect("registers");
    let reply = finish(&guest, &theirs, json!(credential));
    assert_eq!(error_code(&reply), "ceremony_expired", "{}", reply.text);

    // Expired: a ceremony past its time is refused even with a right answer.
    let (ceremony, options) = start(
        &guest,
        "/api/auth/passkey/signup/start",
        &json!({"username": "alice"}),
    );
    let moved = run_sql(
        &server,
        &format!("UPDATE webauthn_ceremonies SET expires_at = 1 WHERE id = '{ceremony}'"),
    );
    assert_eq!(moved, 1);
    let credential = authenticator()
        .do_registration(origin(&server), creation(&options))
        .expect("registers");
    let reply = finish(&guest, &ceremony, json!(credential));
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert_eq!(error_code(&reply), "ceremony_expired");
    assert_eq!(guest.get("/api/me").body["kind"], "guest");

    // Sign-in with a passkey nobody registered: the one answer.
    let (ceremony, _) = start(&guest, "/api/auth/passkey/signin/start", &json!({}));
    let credential = json!({
        "id": "AAAAAAAA", "rawId": "AAAAAAAA", "type": "public-key",
        "response": {"authenticatorData": "AAAA", "clientDataJSON": "AAAA",
                     "signature": "AAAA", "userHandle": null}
    });
    let reply = guest.send(
        "POST",
        "/api/auth/passkey/signin/finish",
        &json!({"ceremony": ceremony, "credential": credential}),
    );
    assert_eq!(reply.status, 401, "{}", reply.text);
    assert_eq!(error_code(&reply), "passkey_not_recognised");
    assert_eq!(
        reply.body["error"]["message"],
        "this passkey is not recognised"
    );

    // Too large a credential.
    let (ceremony, _) = start(&guest, "/api/auth/passkey/signin/start", &json!({}));
    let reply = guest.send(
        "POST",
        "/api/auth/passkey/signin/finish",
        &json!({"ceremony": ceremony, "credential": {"id": "a".repeat(40_000)}}),
    );
    assert_eq!(reply.status, 413, "{}", reply.text);
}

#[test]
fn a_guest_signs_up_with_a_passkey_keeps_its_draft_and_signs_in_again() {
    let server = TestServer::start();
    let browser = server.client();
    let saved = browser.send(
        "PUT",
        &format!("/api/sessions/{SLUG}/drafts/python"),
        &json!({"code": "# my guest draft", "client_updated_at": 5}),
    );
    assert_eq!(saved.status, 200, "{}", saved.text);
    let guest_id = browser.get("/api/me").body["id"].clone();

    let mut token = passkey_signup(&server, &browser, "alice");
    let me = browser.get("/api/me").body;
    assert_eq!(me["kind"], "account");
    assert_eq!(me["id"], guest_id, "converted in place");
    let draft = browser.get(&format!("/api/sessions/{SLUG}")).body;
    assert_eq!(draft["drafts"]["python"]["code"], "# my guest draft");
    // No password: a password sign-in cannot succeed.
    let reply = server.client().send(
        "POST",
        "/api/auth/signin",
        &json!({"username": "alice", "password": PASSWORD}),
    );
    assert_eq!(reply.status, 401);

    // Another browser, a guest with a draft of its own, signs in with the passkey.
    let other = server.client();
    other.send(
        "PUT",
        &format!("/api/sessions/{SLUG}/drafts/java"),
        &json!({"code": "// other draft", "client_updated_at": 9}),
    );
    let reply = passkey_signin(&server, &other, "alice", &mut token);
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["username"], "alice");
    let session = other.get(&format!("/api/sessions/{SLUG}")).body;
    assert_eq!(session["drafts"]["java"]["code"], "// other draft");
    assert_eq!(session["drafts"]["python"]["code"], "# my guest draft");

    let keys = list(&other);
    assert_eq!(keys.len(), 1);
    assert!(keys[0]["last_used_at"].as_i64().is_some(), "{keys:?}");
    assert!(keys[0].get("passkey").is_none() && keys[0].get("credential_id").is_none());

    // A second sign-in works; an answer signed for one ceremony is worthless in another.
    let third = server.client();
    let (ceremony, options) = start(
        &third,
        "/api/auth/passkey/signin/start",
        &json!({"username": "alice"}),
    );
    let answer = token
        .do_authentication(origin(&server), request(&options))
        .expect("the soft token signs");
    let ok = third.send(
        "POST",
        "/api/auth/passkey/signin/finish",
        &json!({"ceremony": ceremony, "credential": answer}),
    );
    assert_eq!(ok.status, 200, "{}", ok.text);
    let fourth = server.client();
    let (replayed, _) = start(
        &fourth,
        "/api/auth/passkey/signin/start",
        &json!({"username": "alice"}),
    );
    let reply = fourth.send(
        "POST",
        "/api/auth/passkey/signin/finish",
        &json!({"ceremony": replayed, "credential": answer}),
    );
    assert_eq!(reply.status, 401, "{}", reply.text);
    assert_eq!(error_code(&reply), "passkey_not_recognised");
    assert_eq!(fourth.get("/api/me").body["kind"], "guest");
}

#[test]
fn passkeys_are_listed_added_renamed_and_removed_but_never_the_last_way_in() {
    let server = TestServer::start();
    let alice = server.client();
    passkey_signup(&server, &alice, "alice");
    let only = list(&alice);
    assert_eq!(only.len(), 1);
    assert_eq!(only[0]["name"], "Passkey");
    let first_id = only[0]["id"].as_str().expect("id").to_owned();

    let refused = alice.send(
        "DELETE",
        &format!("/api/me/passkeys/{first_id}"),
        &json!({}),
    );
    assert_eq!(refused.status, 409, "{}", refused.text);
    assert_eq!(error_code(&refused), "last_passkey");

    let added = add_passkey(&server, &alice, Some("Laptop"));
    assert_eq!(added.status, 201, "{}", added.text);
    assert_eq!(added.body["name"], "Laptop");
    let unnamed = add_passkey(&server, &alice, None);
    assert_eq!(unnamed.body["name"], "Passkey 3", "{}", unnamed.text);
    assert_eq!(list(&alice).len(), 3);

    let renamed = alice.send(
        "PUT",
        &format!("/api/me/passkeys/{first_id}"),
        &json!({"name": "  Phone  "}),
    );
    assert_eq!(renamed.status, 200, "{}", renamed.text);
    assert_eq!(renamed.body["name"], "Phone");
    let too_long = alice.send(
        "PUT",
        &format!("/api/me/passkeys/{first_id}"),
        &json!({"name": "x".repeat(65)}),
    );
    assert_eq!(too_long.status, 422, "{}", too_long.text);

    let removed = alice.send(
        "DELETE",
        &format!("/api/me/passkeys/{first_id}"),
        &json!({}),
    );
    assert_eq!(removed.status, 204, "{}", removed.text);
    assert_eq!(list(&alice).len(), 2);

    // Another user's passkey ids are not found, for renaming and removing alike.
    let bob = server.client();
    passkey_signup(&server, &bob, "bob");
    let laptop = added.body["id"].as_str().expect("id");
    let reply = bob.send(
        "PUT",
        &format!("/api/me/passkeys/{laptop}"),
        &json!({"name": "mine now"}),
    );
    assert_eq!(reply.status, 404, "{}", reply.text);
    let reply = bob.send("DELETE", &format!("/api/me/passkeys/{laptop}"), &json!({}));
    assert_eq!(reply.status, 404, "{}", reply.text);
    assert_eq!(list(&alice).len(), 2);

    // The export names passkeys without key material; deleting my data removes them.
    let export = alice.get("/api/me/export");
    let passkeys = export.body["passkeys"].as_array().expect("passkeys");
    assert_eq!(passkeys.len(), 2);
    assert!(!export.text.contains("credential") && !export.text.contains("cred_id"));
    assert_eq!(passkeys[0]["name"], "Laptop");
    let alice_id = alice.get("/api/me").body["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let gone = alice.send("DELETE", "/api/me", &json!({}));
    assert_eq!(gone.status, 200, "{}", gone.text);
    let left = run_sql(
        &server,
        &format!("SELECT COUNT(*) FROM passkeys WHERE user_id = '{alice_id}'"),
    );
    assert_eq!(left, 0);
}

#[test]
fn guests_and_accounts_each_reach_only_their_routes() {
    let server = TestServer::start();
    let guest = server.client();
    for (method, path) in [
        ("GET", "/api/me/passkeys"),
        ("POST", "/api/me/passkeys/start"),
        ("DELETE", "/api/me/passkeys/0123"),
    ] {
        let reply = if method == "GET" {
            guest.get(path)
        } else {
            guest.send(method, path, &json!({}))
        };
        assert_eq!(reply.status, 401, "{method} {path}: {}", reply.text);
    }

    // Signed in (with a password): passkey sign-up is for guests only.
    let account = server.client();
    let reply = account.send(
        "POST",
        "/api/auth/signup",
        &json!({"username": "carol", "password": PASSWORD}),
    );
    assert_eq!(reply.status, 201, "{}", reply.text);
    let reply = account.send(
        "POST",
        "/api/auth/passkey/signup/start",
        &json!({"username": "carol2"}),
    );
    assert_eq!(reply.status, 409, "{}", reply.text);
    assert_eq!(error_code(&reply), "already_signed_in");
    // A taken name is said at the start.
    let reply = guest.send(
        "POST",
        "/api/auth/passkey/signup/start",
        &json!({"username": "CAROL"}),
    );
    assert_eq!(error_code(&reply), "username_taken", "{}", reply.text);

    // With a password, the only passkey may go: the password still signs in.
    let added = add_passkey(&server, &account, None);
    assert_eq!(added.status, 201, "{}", added.text);
    assert_eq!(added.body["name"], "Passkey 1");
    let id = added.body["id"].as_str().expect("id");
    let reply = account.send("DELETE", &format!("/api/me/passkeys/{id}"), &json!({}));
    assert_eq!(reply.status, 204, "{}", reply.text);
}

#[test]
fn an_account_holds_at_most_twenty_passkeys() {
    let server = TestServer::start();
    let account = server.client();
    let reply = account.send(
        "POST",
        "/api/auth/signup",
        &json!({"username": "dana", "password": PASSWORD}),
    );
    assert_eq!(reply.status, 201, "{}", reply.text);
    for n in 1..=20 {
        let added = add_passkey(&server, &account, None);
        assert_eq!(added.status, 201, "passkey {n}: {}", added.text);
    }
    let refused = account.send("POST", "/api/me/passkeys/start", &json!({}));
    assert_eq!(refused.status, 409, "{}", refused.text);
    assert_eq!(error_code(&refused), "too_many_passkeys");
    assert_eq!(list(&account).len(), 20);
}

#[test]
fn a_public_origin_browsers_refuse_passkeys_on_turns_passkeys_off_not_the_server() {
    let server = TestServer::start_with(|config| {
        config.server.public_origin = "http://10.0.0.5:8080".into();
    });
    let client = server.client();
    let methods = client.get("/api/auth/methods");
    assert_eq!(methods.status, 200, "{}", methods.text);
    assert_eq!(methods.body["passkeys"], false);
    let reply = client.send(
        "POST",
        "/api/auth/passkey/signin/start",
        &serde_json::json!({}),
    );
    assert_eq!(reply.status, 404, "{}", reply.text);
    assert_eq!(error_code(&reply), "passkeys_off");
    assert!(
        message_of(&reply).contains("auth.webauthn_origin"),
        "{}",
        reply.text
    );
    // The other ways in still work.
    let signup = client.send(
        "POST",
        "/api/auth/signup",
        &serde_json::json!({"username": "ipuser", "password": "correct horse battery"}),
    );
    assert_eq!(signup.status, 201, "{}", signup.text);
}

fn message_of(reply: &Reply) -> &str {
    reply.body["error"]["message"].as_str().unwrap_or("")
}

#[test]
fn an_account_made_with_a_passkey_can_add_a_password_without_a_current_one() {
    let server = TestServer::start();
    let browser = server.client();
    passkey_signup(&server, &browser, "pat");
    assert_eq!(browser.get("/api/me").body["has_password"], false);
    let set = browser.send(
        "PUT",
        "/api/me/password",
        &json!({ "new_password": PASSWORD }),
    );
    assert_eq!(set.status, 200, "{}", set.text);
    assert_eq!(set.body["has_password"], true);
    let elsewhere = server.client().send(
        "POST",
        "/api/auth/signin",
        &json!({"username": "pat", "password": PASSWORD}),
    );
    assert_eq!(elsewhere.status, 200, "{}", elsewhere.text);
    // With a password now, changing it needs that password.
    let again = browser.send(
        "PUT",
        "/api/me/password",
        &json!({ "new_password": "another long secret" }),
    );
    assert_eq!(again.status, 401, "{}", again.text);
}
