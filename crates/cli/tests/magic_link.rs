//! Magic-link sign-in end to end: a real `tandem serve` sends mail to a real SMTP server
//! process (aiosmtpd, `smtp_capture.py`) on 127.0.0.1; the tests read the mail, open the link
//! like a mail scanner and a browser would, and redeem it.

mod mail;
mod server;

use mail::{SmtpCapture, link_in, token_of};
use serde_json::{Value, json};
use server::{Client, Reply, TestServer};
use tandem_server::Config;

const SLUG: &str = "warmer-day-ahead";

fn with_smtp(config: &mut Config, smtp: &SmtpCapture) {
    config.smtp.host = "127.0.0.1".into();
    config.smtp.port = smtp.port;
    config.smtp.tls = "none".into();
    config.smtp.from = "Tandem <no-reply@tandem.test>".into();
}

fn start(smtp: &SmtpCapture) -> TestServer {
    TestServer::start_with(|config| with_smtp(config, smtp))
}

fn error_code(reply: &Reply) -> &str {
    reply.body["error"]["code"].as_str().unwrap_or("")
}

fn ask(client: &Client, email: &str) -> Reply {
    client.send("POST", "/api/auth/magic-link", &json!({ "email": email }))
}

fn redeem(client: &Client, token: &str) -> Reply {
    client.send(
        "POST",
        "/api/auth/magic-link/verify",
        &json!({ "token": token }),
    )
}

/// Opens a link the way a mail scanner does: no cookies, redirects not followed.
fn prefetch(link: &str) -> (u16, String) {
    let response = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .get(link)
        .send()
        .expect("request");
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (response.status().as_u16(), location)
}

fn save_draft(client: &Client, code: &str) {
    let reply = client.send(
        "PUT",
        &format!("/api/sessions/{SLUG}/drafts/python"),
        &json!({"code": code, "client_updated_at": 1}),
    );
    assert_eq!(reply.status, 200, "{}", reply.text);
}

fn draft_of(client: &Client) -> Value {
    client.get(&format!("/api/sessions/{SLUG}")).body["drafts"]["python"]["code"].clone()
}

#[test]
fn a_known_address_signs_in_to_its_account_and_the_guest_work_joins_it() {
    let smtp = SmtpCapture::start();
    let server = start(&smtp);
    // The account is made by a first link, which proves the address.
    let owner = server.client();
    assert_eq!(ask(&owner, "ada@example.org").status, 202);
    let first = token_of(&link_in(&smtp.wait_for(1)[0]));
    let made = redeem(&owner, &first);
    assert_eq!(made.status, 200, "{}", made.text);
    assert_eq!(made.body["username"], "ada");

    let browser = server.client();
    save_draft(&browser, "# written as a guest");
    let asked = ask(&browser, "ADA@Example.org");
    assert_eq!(asked.status, 202, "{}", asked.text);
    let mails = smtp.wait_for(2);
    let mail = &mails[1];
    assert!(
        mail.to_ascii_lowercase().contains("to: ada@example.org"),
        "{mail}"
    );
    assert!(
        mail.contains("text/plain") && mail.contains("text/html"),
        "{mail}"
    );
    let link = link_in(mail);
    assert!(
        link.starts_with(&format!(
            "{}/api/auth/magic-link/verify?token=",
            server.base
        )),
        "{link}"
    );
    let token = token_of(&link);
    assert_eq!(token.len(), 64);
    assert_ne!(token, first);

    // A scanner fetching the link is sent to the confirmation page and uses nothing up.
    let (status, location) = prefetch(&link);
    assert_eq!(status, 303);
    assert_eq!(location, format!("/signin/magic#token={token}"));

    let signed_in = redeem(&browser, &token);
    assert_eq!(signed_in.status, 200, "{}", signed_in.text);
    assert_eq!(signed_in.body["username"], "ada");
    assert_eq!(signed_in.body["id"], made.body["id"]);
    let me = browser.get("/api/me");
    assert_eq!(me.body["username"], "ada");
    assert_eq!(draft_of(&browser), "# written as a guest");
    // Only the hash is stored.
    let stored = server.sql_texts("SELECT hex(token_hash) FROM magic_links");
    assert!(stored.iter().all(|h| !h.eq_ignore_ascii_case(&token)));
}

#[test]
fn an_unknown_address_becomes_an_account_made_from_the_guest_that_asked() {
    let smtp = SmtpCapture::start();
    let server = start(&smtp);
    let browser = server.client();
    save_draft(&browser, "# grace's guest draft");
    let guest_id = browser.get("/api/me").body["id"].clone();
    assert_eq!(ask(&browser, "Grace.Hopper+tandem@example.org").status, 202);
    let token = token_of(&link_in(&smtp.wait_for(1)[0]));
    let reply = redeem(&browser, &token);
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["kind"], "account");
    assert_eq!(reply.body["username"], "grace_hopper");
    assert_eq!(reply.body["email"], "Grace.Hopper+tandem@example.org");
    assert_eq!(
        reply.body["id"], guest_id,
        "the asking guest became the account"
    );
    assert_eq!(draft_of(&browser), "# grace's guest draft");
    // No password: password sign-in cannot get in.
    let other = server.client();
    let refused = other.send(
        "POST",
        "/api/auth/signin",
        &json!({"username": "grace_hopper", "password": "anything at all"}),
    );
    assert_eq!(refused.status, 401);

    // Asked in one browser, opened in another: a fresh guest becomes the account, and neither
    // the asker's guest nor the opening browser's guest (and its work) joins it. The derived
    // name is taken, so it gets a number.
    let asker = server.client();
    save_draft(&asker, "# the asker's draft");
    assert_eq!(ask(&asker, "grace.hopper@elsewhere.org").status, 202);
    let token = token_of(&link_in(&smtp.wait_for(2)[1]));
    let elsewhere = server.client();
    save_draft(&elsewhere, "# the other browser's draft");
    let elsewhere_guest = elsewhere.get("/api/me").body["id"].clone();
    let reply = redeem(&elsewhere, &token);
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["username"], "grace_hopper2");
    assert_ne!(reply.body["id"], elsewhere_guest);
    assert_eq!(draft_of(&elsewhere), Value::Null, "no guest work joined");
    assert_eq!(asker.get("/api/me").body["kind"], "guest");
    assert_eq!(draft_of(&asker), "# the asker's draft");
}

#[test]
fn a_link_opened_in_another_browser_signs_in_without_that_browsers_guest_work() {
    let smtp = SmtpCapture::start();
    let server = start(&smtp);
    let owner = server.client();
    assert_eq!(ask(&owner, "mallory@example.org").status, 202);
    let first = token_of(&link_in(&smtp.wait_for(1)[0]));
    let made = redeem(&owner, &first);
    assert_eq!(made.status, 200, "{}", made.text);
    // The account's owner asks for a link and hands it to someone else's browser.
    assert_eq!(ask(&owner, "mallory@example.org").status, 202);
    let token = token_of(&link_in(&smtp.wait_for(2)[1]));
    let victim = server.client();
    save_draft(&victim, "# the victim's private draft");
    let reply = redeem(&victim, &token);
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["username"], "mallory");
    assert_eq!(
        draft_of(&owner),
        Value::Null,
        "the victim's draft stayed out"
    );
}

#[test]
fn a_link_works_once() {
    let smtp = SmtpCapture::start();
    let server = start(&smtp);
    let browser = server.client();
    assert_eq!(ask(&browser, "once@example.org").status, 202);
    let link = link_in(&smtp.wait_for(1)[0]);
    let token = token_of(&link);
    assert_eq!(redeem(&browser, &token).status, 200);
    let again = redeem(&server.client(), &token);
    assert_eq!(again.status, 401, "{}", again.text);
    assert_eq!(error_code(&again), "magic_link_invalid");
    let (status, location) = prefetch(&link);
    assert_eq!(
        (status, location.as_str()),
        (303, "/signin?error=magic_link_invalid")
    );
    let too_long = format!(
        "{}/api/auth/magic-link/verify?token={}",
        server.base,
        "a".repeat(65)
    );
    assert_eq!(prefetch(&too_long).0, 400);
    // Junk tokens are refused the same way.
    for junk in ["", "abc", &"0".repeat(64)] {
        let reply = redeem(&browser, junk);
        assert_eq!(reply.status, 401, "{junk}: {}", reply.text);
    }
}

#[test]
fn an_expired_link_is_refused() {
    let smtp = SmtpCapture::start();
    let server = start(&smtp);
    let browser = server.client();
    assert_eq!(ask(&browser, "late@example.org").status, 202);
    let link = link_in(&smtp.wait_for(1)[0]);
    // The clock is moved past the link's 15 minutes by moving its expiry into the past.
    let changed =
        server.sql_texts("UPDATE magic_links SET expires_at = created_at - 1 RETURNING email");
    assert_eq!(changed, vec!["late@example.org".to_string()]);
    let (status, location) = prefetch(&link);
    assert_eq!(
        (status, location.as_str()),
        (303, "/signin?error=magic_link_invalid")
    );
    let reply = redeem(&browser, &token_of(&link));
    assert_eq!(reply.status, 401, "{}", reply.text);
    assert_eq!(browser.get("/api/me").body["kind"], "guest");
}

#[test]
fn known_and_unknown_addresses_get_the_same_answer_and_bad_ones_a_422() {
    let smtp = SmtpCapture::start();
    let server = start(&smtp);
    let owner = server.client();
    let made = owner.send(
        "POST",
        "/api/auth/signup",
        &json!({"username": "known", "password": "correct horse battery", "email": "known@example.org"}),
    );
    assert_eq!(made.status, 201);
    let known = ask(&server.client(), "known@example.org");
    let unknown = ask(&server.client(), "nobody@example.org");
    assert_eq!(known.status, 202);
    assert_eq!((known.status, &known.text), (unknown.status, &unknown.text));
    // Both get a mail: the unknown one to make an account with.
    assert_eq!(smtp.wait_for(2).len(), 2);

    let long = format!("{}@example.org", "a".repeat(300));
    for bad in [
        "",
        "not-an-email",
        "two@@example.org",
        "spa ce@example.org",
        &long,
    ] {
        let reply = ask(&server.client(), bad);
        assert_eq!(reply.status, 422, "{bad:?}: {}", reply.text);
    }
    let no_field = server
        .client()
        .send("POST", "/api/auth/magic-link", &json!({}));
    assert_eq!(no_field.status, 422);
}

#[test]
fn asking_too_often_is_429_with_retry_after() {
    let smtp = SmtpCapture::start();
    let server = TestServer::start_with(|config| {
        with_smtp(config, &smtp);
        config.rate_limits.magic_link_per_email = 2;
        config.rate_limits.magic_link_per_ip = 4;
    });
    let client = server.client();
    assert_eq!(ask(&client, "busy@example.org").status, 202);
    assert_eq!(ask(&client, "busy@example.org").status, 202);
    let limited = ask(&client, "busy@example.org");
    assert_eq!(limited.status, 429, "{}", limited.text);
    assert_eq!(error_code(&limited), "rate_limited");
    let wait: u64 = limited.headers["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!(wait >= 1);
    // Per address too: two more for other emails pass, then this client is out.
    assert_eq!(ask(&client, "other1@example.org").status, 202);
    let by_ip = ask(&client, "other2@example.org");
    assert_eq!(by_ip.status, 429, "{}", by_ip.text);
}

#[test]
fn without_smtp_magic_links_are_off() {
    let server = TestServer::start();
    let client = server.client();
    assert_eq!(
        client.get("/api/auth/methods").body,
        json!({"magic_link": false, "passkeys": true})
    );
    let reply = ask(&client, "someone@example.org");
    assert_eq!(reply.status, 404, "{}", reply.text);
    assert!(
        reply.body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("not set up"),
        "{}",
        reply.text
    );
    assert_eq!(redeem(&client, &"a".repeat(64)).status, 404);
}

#[test]
fn a_dead_mail_server_still_gets_202_and_the_failure_is_counted() {
    // A port nothing listens on any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let server = TestServer::start_with(|config| {
        config.smtp.host = "127.0.0.1".into();
        config.smtp.port = port;
        config.smtp.tls = "none".into();
        config.smtp.from = "no-reply@tandem.test".into();
    });
    let client = server.client();
    let reply = ask(&client, "lost@example.org");
    assert_eq!(reply.status, 202, "{}", reply.text);
    // Polls until the background send has given up (bounded by the 10 s send timeout).
    let mut metrics = String::new();
    for _ in 0..600 {
        metrics = client.get("/metrics").text;
        if metrics.contains("tandem_sign_in_mails_total{outcome=\"failed\"} 1") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        metrics.contains("tandem_sign_in_mails_total{outcome=\"failed\"} 1"),
        "the failure was not counted:\n{metrics}"
    );
    assert!(!metrics.contains("outcome=\"sent\""), "{metrics}");
}

#[test]
fn the_token_never_appears_in_the_server_log() {
    let smtp = SmtpCapture::start();
    let serve = mail::ServeProcess::start(&[
        ("TANDEM_SMTP_HOST", "127.0.0.1".into()),
        ("TANDEM_SMTP_PORT", smtp.port.to_string()),
        ("TANDEM_SMTP_TLS", "none".into()),
        ("TANDEM_SMTP_FROM", "no-reply@tandem.test".into()),
        ("TANDEM_LOG_LEVEL", "debug".into()),
        ("TANDEM_LOG_FORMAT", "text".into()),
    ]);
    let client = Client {
        http: reqwest::blocking::Client::builder()
            .cookie_store(true)
            .build()
            .expect("client"),
        base: serve.base.clone(),
    };
    assert_eq!(
        client.get("/api/auth/methods").body,
        json!({"magic_link": true, "passkeys": true})
    );
    assert_eq!(ask(&client, "logged@example.org").status, 202);
    let link = link_in(&smtp.wait_for(1)[0]);
    let token = token_of(&link);
    assert_eq!(prefetch(&link).0, 303);
    assert_eq!(redeem(&client, &token).status, 200);
    assert_eq!(redeem(&client, &token).status, 401);
    let metrics = client.get("/metrics").text;
    assert!(
        metrics.contains("tandem_sign_in_mails_total{outcome=\"sent\"} 1"),
        "{metrics}"
    );
    let log = serve.stop();
    assert!(log.contains("magic"), "the log has the requests: {log}");
    assert!(!log.contains(&token), "the token is in the log:\n{log}");
}

#[test]
fn an_address_nobody_proved_does_not_draw_mailed_sign_ins() {
    let smtp = SmtpCapture::start();
    let server = start(&smtp);
    // Someone signs up with a password and puts another person's address on the account.
    let squatter = server.client();
    let made = squatter.send(
        "POST",
        "/api/auth/signup",
        &json!({"username": "squatter", "password": "correct horse battery", "email": "victim@example.org"}),
    );
    assert_eq!(made.status, 201, "{}", made.text);

    // The address's owner asks for a link: it must not sign them in to the squatter's account.
    let victim = server.client();
    assert_eq!(ask(&victim, "victim@example.org").status, 202);
    let token = token_of(&link_in(&smtp.wait_for(1)[0]));
    let signed_in = redeem(&victim, &token);
    assert_eq!(signed_in.status, 200, "{}", signed_in.text);
    assert_ne!(signed_in.body["id"], made.body["id"]);
    assert_eq!(signed_in.body["username"], "victim");
}
