//! Accounts end to end on a real server: sign-up keeps guest work, sign-in merges a guest,
//! sessions rotate, end and expire on the server, CSRF refusals, who may see what, rate limits
//! and the sign-in backoff, field limits, delete-my-data and export, security headers.

mod server;

use std::time::Duration;

use serde_json::{Value, json};
use server::{Client, Reply, TestServer};

const SLUG: &str = "warmer-day-ahead";
const WRONG_PY: &str =
    "class Solution:\n    def daysUntilWarmer(self, temps):\n        return [0] * len(temps)\n";
const PASSWORD: &str = "correct horse battery";

fn error_code(reply: &Reply) -> &str {
    reply.body["error"]["code"].as_str().unwrap_or("")
}

fn message(reply: &Reply) -> &str {
    reply.body["error"]["message"].as_str().unwrap_or("")
}

fn signup(client: &Client, username: &str) -> Reply {
    client.send(
        "POST",
        "/api/auth/signup",
        &json!({"username": username, "password": PASSWORD}),
    )
}

fn signin(client: &Client, username: &str, password: &str) -> Reply {
    client.send(
        "POST",
        "/api/auth/signin",
        &json!({"username": username, "password": password}),
    )
}

/// The session token a reply sets (empty when it clears the cookie).
fn token(reply: &Reply) -> Option<String> {
    reply
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.strip_prefix("tandem_session="))
        .map(|v| v.split(';').next().unwrap_or("").to_string())
        .next_back()
}

/// GET /api/me with exactly this cookie token and no jar.
fn me_with_token(server: &TestServer, token: &str) -> Value {
    reqwest::blocking::Client::new()
        .get(server.url("/api/me"))
        .header("cookie", format!("tandem_session={token}"))
        .send()
        .expect("request")
        .json()
        .expect("json")
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

fn run_body() -> Value {
    json!({"problem": SLUG, "language": "python", "code": WRONG_PY, "kind": "run"})
}

fn history(client: &Client) -> Vec<Value> {
    client
        .get(&format!("/api/sessions/{SLUG}/submissions"))
        .body
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn sign_up_keeps_what_was_done_as_a_guest() {
    let server = TestServer::start();
    let client = server.client();
    let guest = client.get("/api/me");
    assert_eq!(guest.body["kind"], "guest");
    assert_eq!(guest.body["username"], Value::Null);
    save_draft(&client, "# my guest draft", 10);
    let (run_id, _, done) = client.run_to_end(&run_body());
    assert_eq!(done["status"], "done", "{done}");
    client.send("POST", &format!("/api/sessions/{SLUG}/hints"), &json!({}));

    let reply = signup(&client, "Alice");
    assert_eq!(reply.status, 201, "{}", reply.text);
    assert_eq!(
        reply.body["id"], guest.body["id"],
        "the guest became the account"
    );
    assert_eq!(reply.body["kind"], "account");
    assert_eq!(reply.body["username"], "alice", "usernames are lower-cased");
    assert_eq!(reply.body["role"], "learner");
    assert!(
        token(&reply).is_some_and(|t| t.len() == 64),
        "a new session cookie"
    );

    let me = client.get("/api/me");
    assert_eq!(me.body["username"], "alice");
    assert_eq!(draft_of(&client), "# my guest draft");
    let runs = history(&client);
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["id"], run_id.as_str());
    assert_eq!(
        client.get(&format!("/api/sessions/{SLUG}")).body["hints"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );

    let again = signup(&client, "alice2");
    assert_eq!(again.status, 409);
    assert_eq!(error_code(&again), "already_signed_in");
    let other = server.client();
    let taken = signup(&other, "ALICE");
    assert_eq!(taken.status, 409, "{}", taken.text);
    assert_eq!(error_code(&taken), "username_taken");
    assert_eq!(other.get("/api/me").body["kind"], "guest");
}

#[test]
fn usernames_and_passwords_are_checked_with_clear_messages() {
    // Refused attempts count against the sign-up limit too; this test makes many.
    let server = TestServer::start_with(|c| c.rate_limits.signup_per_user = 100);
    let client = server.client();
    for (username, password, says) in [
        ("al", PASSWORD, "3 to 32"),
        ("1alice", PASSWORD, "start with a letter"),
        ("al ice", PASSWORD, "only letters"),
        ("admin", PASSWORD, "reserved"),
        ("root", PASSWORD, "reserved"),
        ("api", PASSWORD, "reserved"),
        ("alice", "short", "at least 8"),
    ] {
        let reply = client.send(
            "POST",
            "/api/auth/signup",
            &json!({"username": username, "password": password}),
        );
        assert_eq!(reply.status, 422, "{username}: {}", reply.text);
        assert_eq!(error_code(&reply), "invalid_input");
        assert!(
            message(&reply).contains(says),
            "{username}: {}",
            message(&reply)
        );
    }
    let reply = client.send(
        "POST",
        "/api/auth/signup",
        &json!({"username": "alice", "password": PASSWORD, "email": "not-an-email"}),
    );
    assert_eq!(reply.status, 422);
    assert!(message(&reply).contains("email"), "{}", message(&reply));
    assert_eq!(
        client.get("/api/me").body["kind"],
        "guest",
        "nothing was created"
    );
}

#[test]
fn sign_in_merges_the_guest_into_the_account() {
    let server = TestServer::start();
    let laptop = server.client();
    let account = signup(&laptop, "alice");
    assert_eq!(account.status, 201);
    save_draft(&laptop, "# older, on the laptop", 10);

    let phone = server.client();
    let guest_id = phone.get("/api/me").body["id"].clone();
    save_draft(&phone, "# newer, on the phone as a guest", 20);
    let (run_id, _, _) = phone.run_to_end(&run_body());

    let reply = signin(&phone, "alice", PASSWORD);
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["id"], account.body["id"]);
    assert_eq!(phone.get("/api/me").body["id"], account.body["id"]);
    assert_eq!(
        draft_of(&phone),
        "# newer, on the phone as a guest",
        "the newer draft wins"
    );
    assert_eq!(draft_of(&laptop), "# newer, on the phone as a guest");
    let runs = history(&laptop);
    assert!(runs.iter().any(|r| r["id"] == run_id.as_str()), "{runs:?}");
    assert_eq!(
        laptop.get(&format!("/api/runs/{run_id}")).status,
        200,
        "the guest's run is the account's now"
    );
    assert_ne!(guest_id, account.body["id"]);
}

#[test]
fn a_wrong_password_and_an_unknown_user_get_the_same_401() {
    let server = TestServer::start();
    signup(&server.client(), "alice");
    let client = server.client();
    let wrong = signin(&client, "alice", "not the password");
    let unknown = signin(&client, "nobody-here", "not the password");
    let invalid_name = signin(&client, "!!", "not the password");
    for reply in [&wrong, &unknown, &invalid_name] {
        assert_eq!(reply.status, 401, "{}", reply.text);
        assert_eq!(error_code(reply), "invalid_credentials");
    }
    assert_eq!(message(&wrong), message(&unknown));
    assert_eq!(message(&wrong), message(&invalid_name));
    assert_eq!(client.get("/api/me").body["kind"], "guest");
    let right = signin(&client, "ALICE", PASSWORD);
    assert_eq!(
        right.status, 200,
        "usernames are case-insensitive at sign-in too"
    );
}

#[test]
fn sign_in_rotates_the_session_so_a_planted_token_is_worthless() {
    let server = TestServer::start();
    signup(&server.client(), "alice");
    let victim = server.client();
    let first = victim.get("/api/me");
    let planted = token(&first).expect("a guest cookie");
    let guest_id = first.body["id"].clone();

    let reply = signin(&victim, "alice", PASSWORD);
    assert_eq!(reply.status, 200);
    let fresh = token(&reply).expect("a new cookie");
    assert_ne!(fresh, planted, "the token changes on sign-in");
    assert_eq!(me_with_token(&server, &fresh)["username"], "alice");
    let old = me_with_token(&server, &planted);
    assert_eq!(old["kind"], "guest", "the old token no longer works: {old}");
    assert_ne!(old["id"], guest_id);
    assert_ne!(old["id"], reply.body["id"]);

    // Sign-up rotates too.
    let other = server.client();
    let before = token(&other.get("/api/me")).expect("cookie");
    let up = signup(&other, "bob");
    let after = token(&up).expect("cookie");
    assert_ne!(before, after);
    assert_eq!(me_with_token(&server, &before)["kind"], "guest");
    assert_eq!(me_with_token(&server, &after)["username"], "bob");
}

#[test]
fn sign_out_ends_one_session_and_sign_out_everywhere_ends_all() {
    let server = TestServer::start();
    let laptop = server.client();
    signup(&laptop, "alice");
    let phone = server.client();
    assert_eq!(signin(&phone, "alice", PASSWORD).status, 200);

    let out = laptop.send("POST", "/api/auth/signout", &json!({}));
    assert_eq!(out.status, 204, "{}", out.text);
    assert_eq!(token(&out).as_deref(), Some(""), "the cookie is cleared");
    assert_eq!(laptop.get("/api/me").body["kind"], "guest");
    assert_eq!(
        phone.get("/api/me").body["username"],
        "alice",
        "the phone stays in"
    );

    assert_eq!(signin(&laptop, "alice", PASSWORD).status, 200);
    let all = phone.send("POST", "/api/auth/signout-all", &json!({}));
    assert_eq!(all.status, 204);
    assert_eq!(phone.get("/api/me").body["kind"], "guest");
    assert_eq!(
        laptop.get("/api/me").body["kind"],
        "guest",
        "every session ended"
    );

    let guest = server.client();
    let refused = guest.send("POST", "/api/auth/signout", &json!({}));
    assert_eq!(refused.status, 401);
    assert_eq!(error_code(&refused), "sign_in_required");
}

#[test]
fn account_sessions_expire_on_the_server() {
    let server = TestServer::start_with(|c| c.auth.session_seconds = 1);
    let client = server.client();
    let reply = signup(&client, "alice");
    let cookie = reply
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("tandem_session="))
        .unwrap_or("")
        .to_string();
    assert!(cookie.contains("Max-Age=1"), "{cookie}");
    let token = token(&reply).expect("token");
    assert_eq!(me_with_token(&server, &token)["username"], "alice");
    std::thread::sleep(Duration::from_millis(1300));
    // Sent anyway (as a browser ignoring Max-Age would): the server refuses it.
    assert_eq!(me_with_token(&server, &token)["kind"], "guest");
}

#[test]
fn cross_site_mutations_are_refused_and_same_origin_passes() {
    let server = TestServer::start();
    let client = server.client();
    signup(&client, "alice");
    let host = server.base.trim_start_matches("http://").to_string();
    let attempts: [(&str, &str, Value); 4] = [
        ("POST", "/api/auth/signout", json!({})),
        ("PUT", "/api/me/profile", json!({"display_name": "pwned"})),
        ("DELETE", "/api/me", json!({})),
        ("POST", "/api/runs", run_body()),
    ];
    for (method, path, body) in &attempts {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        for (name, value) in [
            ("sec-fetch-site", "cross-site"),
            ("origin", "https://evil.example"),
            ("origin", "null"),
        ] {
            let response = client
                .http
                .request(method.clone(), server.url(path))
                .header(name, value)
                .json(body)
                .send()
                .expect("request");
            assert_eq!(
                response.status().as_u16(),
                403,
                "{method} {path} {name}: {value}"
            );
            let body: Value = response.json().expect("json");
            assert_eq!(body["error"]["code"], "csrf", "{body}");
        }
    }
    assert_eq!(
        client.get("/api/me").body["username"],
        "alice",
        "nothing happened"
    );
    assert_eq!(client.get("/api/me").body["display_name"], "");

    // GETs are not refused, and the app's own pages pass.
    let read = client
        .http
        .get(server.url("/api/me"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .expect("request");
    assert_eq!(read.status().as_u16(), 200);
    let ours = client
        .http
        .put(server.url("/api/me/profile"))
        .header("sec-fetch-site", "same-origin")
        .header("origin", format!("http://{host}"))
        .json(&json!({"display_name": "Alice A."}))
        .send()
        .expect("request");
    assert_eq!(ours.status().as_u16(), 200);
    assert_eq!(client.get("/api/me").body["display_name"], "Alice A.");

    // Behind a proxy the configured public origin is the one allowed.
    let proxied = TestServer::start_with(|c| {
        c.server.public_origin = "https://tandem.example.org".into();
    });
    let client = proxied.client();
    let post = |origin: &str| {
        client
            .http
            .post(proxied.url("/api/auth/signup"))
            .header("origin", origin)
            .json(&json!({"username": "carol", "password": PASSWORD}))
            .send()
            .expect("request")
            .status()
            .as_u16()
    };
    let own_host = format!("http://{}", proxied.base.trim_start_matches("http://"));
    assert_eq!(post(&own_host), 403);
    assert_eq!(post("https://tandem.example.org"), 201);
}

#[test]
fn nobody_reaches_another_users_runs_drafts_or_admin_routes() {
    let server = TestServer::start_with(|c| c.auth.admins = vec!["boss".into()]);
    let alice = server.client();
    signup(&alice, "alice");
    save_draft(&alice, "# alice's secret", 5);
    let run_id = alice.start_run(&run_body());
    let bob = server.client();
    signup(&bob, "bob");

    assert_eq!(bob.get(&format!("/api/runs/{run_id}")).status, 404);
    assert_eq!(bob.get(&format!("/api/runs/{run_id}/events")).status, 404);
    assert_eq!(
        bob.send("DELETE", &format!("/api/runs/{run_id}"), &json!({}))
            .status,
        404
    );
    assert_eq!(draft_of(&bob), Value::Null);
    assert!(history(&bob).is_empty());
    let export = bob.get("/api/me/export");
    assert!(!export.text.contains("alice's secret"));

    let guest = server.client();
    for client in [&bob, &guest] {
        let list = client.get("/api/admin/users");
        assert_eq!(list.status, 403, "{}", list.text);
        assert_eq!(error_code(&list), "forbidden");
        let alice_id = alice.get("/api/me").body["id"]
            .as_str()
            .unwrap_or("")
            .to_string();
        let change = client.send(
            "PUT",
            &format!("/api/admin/users/{alice_id}/role"),
            &json!({"role": "admin"}),
        );
        assert_eq!(change.status, 403);
    }
    assert_eq!(alice.get("/api/me").body["role"], "learner");

    let boss = server.client();
    let made = signup(&boss, "boss");
    assert_eq!(
        made.body["role"], "admin",
        "auth.admins names the first admin"
    );
    let list = boss.get("/api/admin/users?page=1");
    assert_eq!(list.status, 200, "{}", list.text);
    assert_eq!(list.body["total"], 3);
    let names: Vec<&str> = list.body["users"]
        .as_array()
        .expect("users")
        .iter()
        .filter_map(|u| u["username"].as_str())
        .collect();
    assert_eq!(names, ["alice", "bob", "boss"]);
    assert_eq!(boss.get("/api/admin/users?page=2").body["users"], json!([]));

    let bob_id = bob.get("/api/me").body["id"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let path = format!("/api/admin/users/{bob_id}/role");
    let changed = boss.send("PUT", &path, &json!({"role": "interviewer"}));
    assert_eq!(changed.status, 200, "{}", changed.text);
    assert_eq!(changed.body["role"], "interviewer");
    assert_eq!(bob.get("/api/me").body["role"], "interviewer");
    assert_eq!(
        boss.send("PUT", &path, &json!({"role": "king"})).status,
        422
    );
    let boss_id = made.body["id"].as_str().unwrap_or("").to_string();
    let own = boss.send(
        "PUT",
        &format!("/api/admin/users/{boss_id}/role"),
        &json!({"role": "learner"}),
    );
    assert_eq!(own.status, 409);
    assert_eq!(error_code(&own), "own_role");
    let unknown = boss.send(
        "PUT",
        "/api/admin/users/nobody/role",
        &json!({"role": "author"}),
    );
    assert_eq!(unknown.status, 404);
}

fn retry_after(reply: &Reply) -> u64 {
    reply
        .headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After")
}

#[test]
fn rate_limits_answer_429_with_retry_after() {
    let server = TestServer::start_with(|c| {
        c.rate_limits.signin_per_ip = 3;
        c.rate_limits.signup_per_ip = 2;
        c.rate_limits.runs_per_user = 2;
    });
    let client = server.client();
    for _ in 0..3 {
        assert_eq!(signin(&client, "nobody", "whatever1").status, 401);
    }
    let limited = signin(&client, "nobody", "whatever1");
    assert_eq!(limited.status, 429, "{}", limited.text);
    assert_eq!(error_code(&limited), "rate_limited");
    assert!((1..=60).contains(&retry_after(&limited)));

    // Runs: counted per user before anything else (a missing problem counts too).
    let runner = server.client();
    let body =
        json!({"problem": "no-such-problem", "language": "python", "code": "", "kind": "run"});
    assert_eq!(runner.send("POST", "/api/runs", &body).status, 404);
    assert_eq!(runner.send("POST", "/api/runs", &body).status, 404);
    let limited = runner.send("POST", "/api/runs", &body);
    assert_eq!(limited.status, 429);
    assert_eq!(error_code(&limited), "rate_limited");
    assert!(retry_after(&limited) >= 1);
    let other = server.client();
    assert_eq!(
        other.send("POST", "/api/runs", &body).status,
        404,
        "per user"
    );

    // Sign-up: per address (every client here is 127.0.0.1).
    assert_eq!(signup(&server.client(), "user1").status, 201);
    assert_eq!(signup(&server.client(), "user2").status, 201);
    let limited = signup(&server.client(), "user3");
    assert_eq!(limited.status, 429);
    assert_eq!(error_code(&limited), "rate_limited");
}

#[test]
fn failed_sign_ins_make_further_attempts_wait_even_with_the_right_password() {
    let server = TestServer::start_with(|c| {
        c.rate_limits.signin_failures_before_backoff = 2;
        c.rate_limits.signin_backoff_max_seconds = 60;
    });
    signup(&server.client(), "alice");
    let client = server.client();
    assert_eq!(signin(&client, "alice", "wrong one 1").status, 401);
    assert_eq!(signin(&client, "alice", "wrong one 2").status, 401);
    let waiting = signin(&client, "alice", PASSWORD);
    assert_eq!(waiting.status, 429, "{}", waiting.text);
    assert_eq!(error_code(&waiting), "rate_limited");
    let wait = retry_after(&waiting);
    assert_eq!(wait, 1, "the first wait is one second");
    assert_eq!(client.get("/api/me").body["kind"], "guest");
    // Other usernames are not slowed.
    assert_eq!(signin(&client, "bob", "wrong one").status, 401);

    std::thread::sleep(Duration::from_millis(1100));
    let reply = signin(&client, "alice", PASSWORD);
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(client.get("/api/me").body["username"], "alice");
}

#[test]
fn every_new_field_has_a_limit_that_is_named() {
    let server = TestServer::start_with(|c| c.limits.body_bytes = 8192);
    let client = server.client();
    let cases = [
        (
            json!({"username": "a".repeat(33), "password": PASSWORD}),
            "32",
        ),
        (
            json!({"username": "alice", "password": "p".repeat(257)}),
            "256",
        ),
        (
            json!({"username": "alice", "password": PASSWORD, "email": format!("{}@x.org", "a".repeat(250))}),
            "254",
        ),
    ];
    for (body, limit) in cases {
        let reply = client.send("POST", "/api/auth/signup", &body);
        assert_eq!(reply.status, 422, "{}", reply.text);
        assert!(message(&reply).contains(limit), "{}", message(&reply));
    }
    let huge = client.send(
        "POST",
        "/api/auth/signup",
        &json!({"username": "alice", "password": "p".repeat(10_000)}),
    );
    assert_eq!(huge.status, 413);
    assert!(
        message(&huge).contains("limits.body_bytes"),
        "{}",
        message(&huge)
    );

    signup(&client, "alice");
    for (body, field, limit) in [
        (
            json!({"display_name": "d".repeat(81)}),
            "display_name",
            "80",
        ),
        (json!({"bio": "b".repeat(1001)}), "bio", "1000"),
    ] {
        let reply = client.send("PUT", "/api/me/profile", &body);
        assert_eq!(reply.status, 422, "{}", reply.text);
        assert!(
            message(&reply).contains(field) && message(&reply).contains(limit),
            "{}",
            message(&reply)
        );
    }
    let ok = client.send(
        "PUT",
        "/api/me/profile",
        &json!({"display_name": "d".repeat(80), "bio": "b".repeat(1000)}),
    );
    assert_eq!(ok.status, 200, "{}", ok.text);
    assert_eq!(ok.body["bio"].as_str().map(str::len), Some(1000));
    let guest = server.client();
    let refused = guest.send("PUT", "/api/me/profile", &json!({"bio": "x"}));
    assert_eq!(refused.status, 401);
}

/// Rows per table that belong to `user_id`, read straight from the SQLite file.
fn rows_of(server: &TestServer, user_id: &str) -> Vec<(String, i64)> {
    [
        ("users", "id"),
        ("web_sessions", "user_id"),
        ("problem_sessions", "user_id"),
        ("drafts", "user_id"),
        ("runs", "user_id"),
        ("reveals", "user_id"),
    ]
    .iter()
    .map(|(table, column)| {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} = ?");
        (table.to_string(), server.sql_i64(&sql, &[user_id]))
    })
    .collect()
}

#[test]
fn delete_my_data_removes_every_row_and_leaves_a_fresh_guest() {
    let server = TestServer::start();
    let client = server.client();
    let me = signup(&client, "alice");
    let id = me.body["id"].as_str().expect("id").to_string();
    save_draft(&client, "# to be deleted", 1);
    client.run_to_end(&run_body());
    client.send("POST", &format!("/api/sessions/{SLUG}/hints"), &json!({}));
    let other = server.client();
    save_draft(&other, "# someone else", 1);
    let other_id = other.get("/api/me").body["id"]
        .as_str()
        .expect("id")
        .to_string();
    assert!(
        rows_of(&server, &id).iter().all(|(_, n)| *n > 0),
        "{:?}",
        rows_of(&server, &id)
    );

    let reply = client.send("DELETE", "/api/me", &json!({}));
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["kind"], "guest");
    assert_ne!(reply.body["id"], id.as_str());
    for (table, count) in rows_of(&server, &id) {
        assert_eq!(count, 0, "{table} still holds rows of the deleted user");
    }
    assert!(
        rows_of(&server, &other_id)
            .iter()
            .any(|(t, n)| t == "drafts" && *n == 1)
    );
    assert_eq!(client.get("/api/me").body["id"], reply.body["id"]);
    assert_eq!(
        signin(&client, "alice", PASSWORD).status,
        401,
        "the account is gone"
    );
    assert_eq!(signup(&client, "alice").status, 201, "and its name is free");
}

#[test]
fn the_export_holds_my_drafts_runs_and_reveals_and_nothing_of_others() {
    let server = TestServer::start();
    let client = server.client();
    signup(&client, "alice");
    save_draft(&client, "# alice draft", 1);
    let (run_id, _, _) = client.run_to_end(&run_body());
    client.send("POST", &format!("/api/sessions/{SLUG}/hints"), &json!({}));
    let other = server.client();
    signup(&other, "bob");
    save_draft(&other, "# bob draft", 1);

    let export = client.get("/api/me/export");
    assert_eq!(export.status, 200);
    let disposition = export
        .headers
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let data = &export.body;
    assert_eq!(data["user"]["username"], "alice");
    assert_eq!(data["drafts"][0]["code"], "# alice draft");
    assert_eq!(data["runs"][0]["id"], run_id.as_str());
    assert_eq!(data["reveals"][0]["kind"], "hint");
    assert!(!export.text.contains("bob"), "{}", export.text);
    assert!(!export.text.contains("argon2"), "never the password hash");
    // Whether there is a password, yes ("has_password"); the hash, never.
    assert!(!export.text.contains("password_hash"), "{}", export.text);
    assert_eq!(data["user"]["has_password"], true);
}

#[test]
fn security_headers_are_sent_and_hsts_only_with_secure_cookies() {
    let server = TestServer::start();
    let client = server.client();
    for path in ["/api/me", "/"] {
        let reply = client.get(path);
        let header = |name: &str| {
            reply
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        assert!(
            header("content-security-policy").contains("default-src 'self'"),
            "{path}"
        );
        assert!(header("content-security-policy").contains("frame-ancestors 'none'"));
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(header("referrer-policy"), "same-origin");
        assert_eq!(header("x-frame-options"), "DENY");
        assert_eq!(
            header("strict-transport-security"),
            "",
            "no HSTS over plain HTTP"
        );
    }
    let secure = TestServer::start_with(|c| c.server.secure_cookies = true);
    let reply = secure.client().get("/api/me");
    assert_eq!(
        reply
            .headers
            .get("strict-transport-security")
            .and_then(|v| v.to_str().ok()),
        Some("max-age=31536000; includeSubDomains")
    );
    let cookie = reply
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(cookie.contains("; Secure"), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
}

#[test]
fn the_openapi_description_lists_the_account_routes() {
    let server = TestServer::start();
    let spec = server.client().get("/api/openapi.json");
    let paths = spec.body["paths"].as_object().expect("paths");
    for path in [
        "/api/auth/signup",
        "/api/auth/signin",
        "/api/auth/signout",
        "/api/auth/signout-all",
        "/api/me",
        "/api/me/profile",
        "/api/me/export",
        "/api/admin/users",
        "/api/admin/users/{id}/role",
    ] {
        assert!(
            paths.contains_key(path),
            "the OpenAPI description lacks {path}"
        );
    }
    assert!(spec.body["paths"]["/api/me"]["delete"].is_object());
}

#[test]
fn accounts_listed_in_auth_admins_become_admins_at_start_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("shared.db").display().to_string();
    let first = {
        let db = db.clone();
        TestServer::start_with(move |c| c.database.path = db)
    };
    let reply = signup(&first.client(), "carol");
    assert_eq!(reply.body["role"], "learner");
    let carol = token(&reply).expect("token");
    drop(first);

    let second = TestServer::start_with(move |c| {
        c.database.path = db;
        c.auth.admins = vec!["Carol".into()];
    });
    // The session from before the restart, without signing in again.
    assert_eq!(me_with_token(&second, &carol)["role"], "admin");
}

#[test]
fn changing_the_password_needs_the_current_one_and_ends_every_other_session() {
    let server = TestServer::start();
    let laptop = server.client();
    let made = signup(&laptop, "alice");
    assert_eq!(made.body["has_password"], true);
    let phone = server.client();
    let phone_token = token(&signin(&phone, "alice", PASSWORD)).expect("phone session");

    let change = |current: Option<&str>, new: &str| {
        let mut body = json!({ "new_password": new });
        if let Some(current) = current {
            body["current_password"] = json!(current);
        }
        laptop.send("PUT", "/api/me/password", &body)
    };
    let missing = change(None, "a brand new secret");
    assert_eq!(missing.status, 401, "{}", missing.text);
    assert_eq!(error_code(&missing), "wrong_password");
    let wrong = change(Some("not the password"), "a brand new secret");
    assert_eq!(wrong.status, 401, "{}", wrong.text);
    let short = change(Some(PASSWORD), "short");
    assert_eq!(short.status, 422, "{}", short.text);

    let changed = change(Some(PASSWORD), "a brand new secret");
    assert_eq!(changed.status, 200, "{}", changed.text);
    assert!(token(&changed).is_some(), "this browser gets a new session");
    assert_eq!(laptop.get("/api/me").body["username"], "alice");
    assert_eq!(
        me_with_token(&server, &phone_token)["kind"],
        "guest",
        "the other session ended"
    );
    let other = server.client();
    assert_eq!(signin(&other, "alice", PASSWORD).status, 401);
    assert_eq!(signin(&other, "alice", "a brand new secret").status, 200);

    let guest = server.client();
    let refused = guest.send(
        "PUT",
        "/api/me/password",
        &json!({ "new_password": "a brand new secret" }),
    );
    assert_eq!(refused.status, 401, "{}", refused.text);
    assert_eq!(error_code(&refused), "sign_in_required");
}
