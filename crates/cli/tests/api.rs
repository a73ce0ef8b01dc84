//! The practice app's HTTP API, end to end in process: a real server on 127.0.0.1:0 with the
//! real sandbox, SQLite and the repository's bank, driven by an HTTP client with cookies.

mod server;

use serde_json::{Value, json};
use server::TestServer;

const WRONG_PY: &str = "class Solution:\n    def daysUntilWarmer(self, temps):\n        print('checking', len(temps))\n        return [0] * len(temps)\n";

fn right_py() -> String {
    std::fs::read_to_string(server::bank_dir().join("warmer-day-ahead/solutions/main.py"))
        .expect("reference solution")
}

fn run_body(kind: &str, code: &str) -> Value {
    json!({"problem": "warmer-day-ahead", "language": "python", "code": code, "kind": kind})
}

fn error_code(reply: &server::Reply) -> &str {
    reply.body["error"]["code"].as_str().unwrap_or("")
}

#[test]
fn health_metrics_and_openapi_describe_the_app() {
    let server = TestServer::start();
    let client = server.client();
    let health = client.get("/healthz");
    assert_eq!(health.status, 200);
    assert_eq!(health.body["status"], "ok");
    assert_eq!(health.body["database"], "ok");
    assert!(health.body["problems"].as_u64().unwrap_or(0) >= 40);

    client.get("/api/problems");
    let metrics = client.get("/metrics");
    assert_eq!(metrics.status, 200);
    assert!(
        metrics.text.contains("tandem_http_requests_total"),
        "{}",
        metrics.text
    );
    assert!(
        metrics.text.contains("route=\"/api/problems\""),
        "{}",
        metrics.text
    );
    assert!(
        metrics
            .text
            .contains("tandem_process_resident_memory_bytes")
    );

    let spec = client.get("/api/openapi.json");
    assert_eq!(spec.status, 200);
    assert!(
        spec.body["openapi"]
            .as_str()
            .unwrap_or("")
            .starts_with("3.")
    );
    let paths = spec.body["paths"].as_object().expect("paths");
    for path in [
        "/healthz",
        "/api/me",
        "/api/languages",
        "/api/problems",
        "/api/problems/{slug}",
        "/api/sessions/{slug}",
        "/api/sessions/{slug}/timer",
        "/api/sessions/{slug}/drafts/{language}",
        "/api/sessions/{slug}/hints",
        "/api/sessions/{slug}/solutions",
        "/api/sessions/{slug}/submissions",
        "/api/runs",
        "/api/runs/{id}",
        "/api/runs/{id}/events",
    ] {
        assert!(
            paths.contains_key(path),
            "the OpenAPI description lacks {path}"
        );
    }
}

#[test]
fn a_first_visit_makes_a_guest_with_a_safe_cookie_that_is_kept() {
    let server = TestServer::start();
    let client = server.client();
    let first = client.get("/api/me");
    assert_eq!(first.status, 200);
    assert_eq!(first.body["kind"], "guest");
    let cookie = first
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("a session cookie")
        .to_string();
    assert!(cookie.starts_with("tandem_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");

    let second = client.get("/api/me");
    assert_eq!(
        second.body["id"], first.body["id"],
        "the cookie keeps the guest"
    );
    assert!(second.headers.get("set-cookie").is_none());

    let stranger = server.client();
    assert_ne!(stranger.get("/api/me").body["id"], first.body["id"]);

    // A forged cookie is not anyone's session: a new guest.
    let forged = reqwest::blocking::Client::new()
        .get(server.url("/api/me"))
        .header("cookie", format!("tandem_session={}", "ab".repeat(32)))
        .send()
        .expect("request");
    let body: Value = forged.json().expect("json");
    assert_ne!(body["id"], first.body["id"]);
}

#[test]
fn problems_are_listed_filtered_sorted_and_shown_without_hidden_data() {
    let server = TestServer::start();
    let client = server.client();
    let all = client.get("/api/problems");
    assert_eq!(all.status, 200);
    let problems = all.body["problems"].as_array().expect("problems");
    assert!(problems.len() >= 40);
    assert!(all.body["topics"].as_array().is_some_and(|t| !t.is_empty()));
    assert!(problems.iter().all(|p| p["status"] == "new"));

    let easy = client.get("/api/problems?difficulty=easy&sort=estimate");
    let easy = easy.body["problems"].as_array().expect("list");
    assert!(!easy.is_empty() && easy.len() < problems.len());
    assert!(easy.iter().all(|p| p["difficulty"] == "easy"));
    let estimates: Vec<u64> = easy
        .iter()
        .map(|p| p["time_estimate_minutes"].as_u64().unwrap_or(0))
        .collect();
    assert!(estimates.windows(2).all(|w| w[0] <= w[1]), "{estimates:?}");

    let sql = client.get("/api/problems?language=sql");
    let sql = sql.body["problems"].as_array().expect("list");
    assert!(!sql.is_empty());
    assert!(sql.iter().all(|p| p["mode"] == "sql"));

    let found = client.get("/api/problems?q=warmer%20day&topic=stack");
    let found = found.body["problems"].as_array().expect("list");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["slug"], "warmer-day-ahead");

    let bad = client.get("/api/problems?sort=random");
    assert_eq!(bad.status, 400);
    assert_eq!(error_code(&bad), "bad_request");
    assert!(
        bad.body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("sort")
    );

    let missing = client.get("/api/problems/no-such-problem");
    assert_eq!(missing.status, 404);
    assert_eq!(error_code(&missing), "not_found");

    let one = client.get("/api/problems/warmer-day-ahead");
    assert_eq!(one.status, 200);
    assert_eq!(one.body["examples"].as_array().map(Vec::len), Some(3));
    assert!(
        one.body["starter"]["python"]
            .as_str()
            .unwrap_or("")
            .contains("daysUntilWarmer")
    );
    assert!(one.body["starter"]["java"].as_str().is_some());
    assert_eq!(one.body["hint_count"], 3);
}

/// No problem page, list, session or run report carries a hidden test or a reference solution
/// before it is revealed.
#[test]
fn hidden_tests_and_solutions_never_reach_the_browser() {
    let server = TestServer::start();
    let client = server.client();
    let list = client.get("/api/problems").text;
    for entry in std::fs::read_dir(server::bank_dir()).expect("bank") {
        let dir = entry.expect("entry").path();
        if !dir.join("problem.toml").is_file() {
            continue;
        }
        let problem = tandem_problems::load_package(&dir).expect("package");
        let page = client.get(&format!("/api/problems/{}", problem.slug)).text;
        let session = client.get(&format!("/api/sessions/{}", problem.slug)).text;
        let data_of = |test: &tandem_problems::TestCase| match test {
            tandem_problems::TestCase::Stdio { input, .. } => input.clone(),
            tandem_problems::TestCase::Sql { setup, .. } => setup.clone(),
            tandem_problems::TestCase::Function { args, .. } => {
                serde_json::to_string(args).expect("json")
            }
        };
        let public: Vec<String> = problem.public_tests.iter().map(data_of).collect();
        for test in &problem.hidden_tests {
            let name = format!("\"{}\"", test.name());
            for (what, text) in [("list", &list), ("page", &page), ("session", &session)] {
                assert!(
                    !text.contains(&name),
                    "{}: hidden test {name} in the {what}",
                    problem.slug
                );
            }
            let data = data_of(test);
            // Short data ("1\n") can appear by chance, and a hidden SQL setup may be a part of
            // a public one (the same tables, fewer rows); anything else cannot.
            if data.len() >= 24 && !public.iter().any(|p| p.contains(&data)) {
                let escaped = serde_json::to_string(&data).expect("json");
                let inner = &escaped[1..escaped.len() - 1];
                assert!(
                    !page.contains(inner),
                    "{}: hidden data in the page",
                    problem.slug
                );
            }
        }
        for solution in &problem.solutions {
            let code = std::fs::read_to_string(dir.join(&solution.path)).expect("solution");
            let escaped = serde_json::to_string(code.trim()).expect("json");
            let inner = &escaped[1..escaped.len() - 1];
            assert!(
                !page.contains(inner),
                "{}: a solution in the page",
                problem.slug
            );
            assert!(
                !session.contains(inner),
                "{}: a solution in the session",
                problem.slug
            );
        }
    }

    // A submission's report redacts every hidden test.
    let (_, events, done) = client.run_to_end(&run_body("submit", WRONG_PY));
    let hidden: Vec<&Value> = done["report"]["tests"]
        .as_array()
        .expect("tests")
        .iter()
        .filter(|t| t["hidden"] == true)
        .collect();
    assert!(!hidden.is_empty());
    let problem = tandem_problems::load_package(&server::bank_dir().join("warmer-day-ahead"))
        .expect("package");
    let everything = serde_json::to_string(&events).expect("json");
    for case in &problem.hidden_tests {
        let name = format!("\"{}\"", case.name());
        assert!(
            !everything.contains(&name),
            "hidden test name {name} in the run events"
        );
    }
    for (position, test) in done["report"]["tests"]
        .as_array()
        .expect("tests")
        .iter()
        .enumerate()
    {
        if test["hidden"] == true {
            assert_eq!(test["name"], format!("hidden-{}", position + 1));
        }
    }
    for test in hidden {
        for field in ["input", "expected", "actual", "diff", "message", "printed"] {
            assert!(
                test.get(field).is_none(),
                "hidden test carries {field}: {test}"
            );
        }
    }
    for (name, data) in &events {
        if name == "test" && data["result"]["hidden"] == true {
            assert!(data["result"].get("input").is_none(), "{data}");
            assert!(data["result"].get("expected").is_none(), "{data}");
        }
    }
}

#[test]
fn a_wrong_run_shows_a_diff_then_a_right_submit_is_accepted_and_recorded() {
    let server = TestServer::start();
    let client = server.client();
    let session = client.get("/api/sessions/warmer-day-ahead");
    assert_eq!(session.status, 200);
    assert_eq!(session.body["timer"]["running"], true);
    assert_eq!(session.body["solved"], false);

    let (_, events, done) = client.run_to_end(&run_body("run", WRONG_PY));
    let names: Vec<&str> = events.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"started"), "{names:?}");
    assert_eq!(
        names.iter().filter(|n| **n == "test").count(),
        3,
        "{names:?}"
    );
    assert_eq!(names.last(), Some(&"done"));
    assert_eq!(done["status"], "done");
    assert_eq!(done["verdict"], "wrong_answer");
    let first = &done["report"]["tests"][0];
    assert_eq!(first["verdict"], "wrong_answer");
    assert!(
        first["diff"].as_str().is_some_and(|d| !d.is_empty()),
        "{first}"
    );
    assert!(
        first["printed"].as_str().unwrap_or("").contains("checking"),
        "{first}"
    );
    // The streamed results are the report's results, in order.
    let streamed: Vec<&Value> = events
        .iter()
        .filter(|(n, _)| n == "test")
        .map(|(_, d)| &d["result"])
        .collect();
    let reported: Vec<&Value> = done["report"]["tests"]
        .as_array()
        .expect("tests")
        .iter()
        .collect();
    assert_eq!(streamed, reported);

    let (submit_id, _, done) = client.run_to_end(&run_body("submit", &right_py()));
    assert_eq!(done["verdict"], "accepted", "{done}");
    assert_eq!(done["passed"], done["total"]);
    assert!(
        done["total"].as_u64().unwrap_or(0) > 3,
        "hidden tests ran too"
    );

    // A finished run's stream replays its end.
    let replay = client.events(&submit_id);
    assert_eq!(replay.len(), 1);
    assert_eq!(replay[0].0, "done");

    let session = client.get("/api/sessions/warmer-day-ahead");
    assert_eq!(session.body["solved"], true);
    assert_eq!(session.body["timer"]["stopped"], true);
    assert_eq!(session.body["timer"]["running"], false);

    let history = client.get("/api/sessions/warmer-day-ahead/submissions");
    let history = history.body.as_array().expect("history");
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["kind"], "submit");
    assert_eq!(history[0]["verdict"], "accepted");
    assert_eq!(history[1]["verdict"], "wrong_answer");
    assert_eq!(history[1]["code"], WRONG_PY);

    let list = client.get("/api/problems?status=solved");
    let solved = list.body["problems"].as_array().expect("list");
    assert_eq!(solved.len(), 1);
    assert_eq!(solved[0]["slug"], "warmer-day-ahead");

    // Another guest sees none of it.
    let other = server.client();
    let theirs = other.get(&format!("/api/runs/{submit_id}"));
    assert_eq!(theirs.status, 404);
    assert_eq!(error_code(&theirs), "not_found");
    let stream = other.get(&format!("/api/runs/{submit_id}/events"));
    assert_eq!(stream.status, 404);
    let cancel = other.send("DELETE", &format!("/api/runs/{submit_id}"), &json!({}));
    assert_eq!(cancel.status, 404);
    assert_eq!(
        other.get("/api/sessions/warmer-day-ahead/submissions").body,
        json!([])
    );
}

#[test]
fn custom_input_is_answered_with_the_reference_as_expected() {
    let server = TestServer::start();
    let client = server.client();
    let mut body = run_body("custom", WRONG_PY);
    body["custom_input"] = json!("[5, 1, 6]");
    let (_, _, done) = client.run_to_end(&body);
    assert_eq!(done["status"], "done", "{done}");
    let test = &done["report"]["tests"][0];
    assert_eq!(test["name"], "custom");
    assert_eq!(done["verdict"], "wrong_answer", "{done}");
    assert!(
        test["expected"].as_str().unwrap_or("").contains('2'),
        "{test}"
    );

    body["custom_input"] = json!("not json");
    let (_, _, done) = client.run_to_end(&body);
    assert_eq!(done["status"], "failed", "{done}");
    assert!(
        !done["report"]["message"].as_str().unwrap_or("").is_empty(),
        "{done}"
    );

    let mut missing = run_body("custom", WRONG_PY);
    missing["custom_input"] = Value::Null;
    let reply = client.send("POST", "/api/runs", &missing);
    assert_eq!(reply.status, 422);
}

#[test]
fn drafts_timer_hints_and_solutions_follow_the_session_rules() {
    let server = TestServer::start();
    let client = server.client();
    let path = "/api/sessions/warmer-day-ahead";
    client.get(path);

    let saved = client.send(
        "PUT",
        &format!("{path}/drafts/python"),
        &json!({"code": "new", "client_updated_at": 2000}),
    );
    assert_eq!(saved.status, 200, "{}", saved.text);
    let stale = client.send(
        "PUT",
        &format!("{path}/drafts/python"),
        &json!({"code": "old", "client_updated_at": 1000}),
    );
    assert_eq!(
        stale.body["code"], "new",
        "an older edit never overwrites a newer one"
    );
    client.send(
        "PUT",
        &format!("{path}/drafts/cpp"),
        &json!({"code": "int x;", "client_updated_at": 5}),
    );
    let session = client.get(path);
    assert_eq!(session.body["drafts"]["python"]["code"], "new");
    assert_eq!(session.body["drafts"]["cpp"]["code"], "int x;");
    let wrong_language = client.send(
        "PUT",
        &format!("{path}/drafts/sql"),
        &json!({"code": "", "client_updated_at": 1}),
    );
    assert_eq!(wrong_language.status, 422);

    let language = client.send(
        "PUT",
        &format!("{path}/language"),
        &json!({"language": "cpp"}),
    );
    assert_eq!(language.body["language"], "cpp");
    assert_eq!(client.get(path).body["language"], "cpp");

    let paused = client.send(
        "POST",
        &format!("{path}/timer"),
        &json!({"action": "pause"}),
    );
    assert_eq!(paused.body["running"], false);
    let frozen = paused.body["elapsed_ms"].as_i64().expect("elapsed");
    std::thread::sleep(std::time::Duration::from_millis(30));
    let reloaded = client.get(path);
    assert_eq!(
        reloaded.body["timer"]["elapsed_ms"].as_i64(),
        Some(frozen),
        "a paused timer stays put across reloads"
    );
    let resumed = client.send(
        "POST",
        &format!("{path}/timer"),
        &json!({"action": "resume"}),
    );
    assert_eq!(resumed.body["running"], true);
    let bad = client.send(
        "POST",
        &format!("{path}/timer"),
        &json!({"action": "rewind"}),
    );
    assert_eq!(bad.status, 422, "{}", bad.text);

    assert!(
        client.get(path).body["hints"]
            .as_array()
            .is_some_and(Vec::is_empty)
    );
    for tier in 1..=3 {
        let hint = client.send("POST", &format!("{path}/hints"), &json!({}));
        assert_eq!(hint.status, 200);
        assert_eq!(hint.body["tier"], tier);
        assert_eq!(hint.body["total"], 3);
    }
    let more = client.send("POST", &format!("{path}/hints"), &json!({}));
    assert_eq!(more.status, 409);
    assert_eq!(error_code(&more), "no_more_hints");
    assert_eq!(
        client.get(path).body["hints"].as_array().map(Vec::len),
        Some(3)
    );

    assert!(client.get(path).body["solutions"].is_null());
    let revealed = client.send("POST", &format!("{path}/solutions"), &json!({}));
    assert_eq!(revealed.status, 200);
    let solutions = revealed.body["solutions"].as_array().expect("solutions");
    assert!(solutions.iter().any(|s| s["language"] == "python"));
    assert_eq!(
        client.get(path).body["solutions"],
        revealed.body["solutions"]
    );
}

#[test]
fn errors_follow_one_contract_and_name_the_limit() {
    let server = TestServer::start_with(|c| {
        c.limits.body_bytes = 4096;
        c.limits.code_bytes = 1024;
    });
    let client = server.client();

    let huge = "x".repeat(8192);
    let reply = client.send(
        "POST",
        "/api/runs",
        &json!({"problem": "warmer-day-ahead", "language": "python", "code": huge, "kind": "run"}),
    );
    assert_eq!(reply.status, 413);
    assert_eq!(error_code(&reply), "payload_too_large");
    let message = reply.body["error"]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("4 KiB") && message.contains("limits.body_bytes"),
        "{message}"
    );

    let long = "x".repeat(2048);
    let reply = client.send("POST", "/api/runs", &run_body("run", &long));
    assert_eq!(reply.status, 413);
    assert!(
        reply.body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("limits.code_bytes")
    );

    let reply = client.send("POST", "/api/runs", &json!({"problem": "warmer-day-ahead"}));
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert_eq!(error_code(&reply), "invalid_input");

    let raw = client
        .http
        .post(server.url("/api/runs"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .expect("request");
    assert_eq!(raw.status().as_u16(), 400);
    let body: Value = raw.json().expect("json error");
    assert_eq!(body["error"]["code"], "bad_request");

    let raw = client
        .http
        .post(server.url("/api/runs"))
        .body("{}")
        .send()
        .expect("request");
    assert_eq!(raw.status().as_u16(), 415);

    let reply = client.send(
        "POST",
        "/api/runs",
        &json!({"problem": "warmer-day-ahead", "language": "cobol", "code": "", "kind": "run"}),
    );
    assert_eq!(reply.status, 422);
    assert!(
        reply.body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("python")
    );

    let reply = client.get("/api/nothing-here");
    assert_eq!(reply.status, 404);
    assert_eq!(error_code(&reply), "not_found");

    let reply = client.send("PATCH", "/api/problems", &json!({}));
    assert_eq!(reply.status, 405);
    assert_eq!(error_code(&reply), "method_not_allowed");

    let reply = client.get("/api/runs/does-not-exist");
    assert_eq!(reply.status, 404);
}

#[test]
fn a_full_queue_refuses_with_retry_after_and_a_cancel_ends_a_run() {
    let server = TestServer::start_with(|c| {
        c.queue.workers = 1;
        c.queue.capacity = 1;
        c.queue.per_user = 2;
    });
    let spin = "class Solution:\n    def daysUntilWarmer(self, temps):\n        while True:\n            pass\n";
    let first = server.client();
    let running = first.start_run(&run_body("submit", spin));
    let second = server.client();
    let waiting = second.start_run(&run_body("run", spin));
    let third = server.client();
    let refused = third.send("POST", "/api/runs", &run_body("run", spin));
    assert_eq!(refused.status, 429, "{}", refused.text);
    assert_eq!(error_code(&refused), "queue_full");
    let retry: u64 = refused
        .headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=60).contains(&retry));
    assert_eq!(
        third.get("/api/sessions/warmer-day-ahead/submissions").body,
        json!([]),
        "a refused run leaves no trace"
    );

    let cancelled = second.send("DELETE", &format!("/api/runs/{waiting}"), &json!({}));
    assert_eq!(cancelled.body["status"], "cancelled", "{}", cancelled.text);
    let events = second.events(&waiting);
    assert_eq!(
        events
            .last()
            .map(|(n, d)| (n.as_str(), d["status"].clone())),
        Some(("done", json!("cancelled")))
    );

    first.send("DELETE", &format!("/api/runs/{running}"), &json!({}));
    let events = first.events(&running);
    let (name, data) = events.last().expect("events");
    assert_eq!(name, "done");
    assert_eq!(data["status"], "cancelled", "{data}");

    // A slot is free again.
    let again = third.send("POST", "/api/runs", &run_body("run", WRONG_PY));
    assert_eq!(again.status, 202, "{}", again.text);
}

#[test]
fn the_web_app_is_served_for_client_routes() {
    let server = TestServer::start();
    let client = server.client();
    for path in ["/", "/problems", "/problems/warmer-day-ahead"] {
        let reply = client.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert!(reply.text.contains("<html"), "{path}");
        let csp = reply
            .headers
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert!(
            csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert_eq!(
            reply
                .headers
                .get("x-content-type-options")
                .map(|v| v.as_bytes()),
            Some(&b"nosniff"[..])
        );
    }
    assert_eq!(client.get("/assets/missing-file.js").status, 404);

    // The document sets the guest cookie, so a first visit's parallel API calls share it.
    let fresh = server.client();
    let page = fresh.get("/problems/warmer-day-ahead");
    assert!(
        page.headers.get("set-cookie").is_some(),
        "the page sets the cookie"
    );
    let me = fresh.get("/api/me");
    assert!(
        me.headers.get("set-cookie").is_none(),
        "the API call reuses it"
    );
    assert!(fresh.get("/").headers.get("set-cookie").is_none());
}

/// The binary itself: `tandem serve` on port 0 prints its address, answers over a real
/// socket, and stops cleanly on SIGTERM.
#[test]
fn tandem_serve_listens_on_a_real_port_and_stops_on_sigterm() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("TANDEM_DATABASE_PATH", dir.path().join("t.db"))
        .env("TANDEM_LOG_LEVEL", "warn")
        .env("TANDEM_BANK", server::bank_dir())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("tandem serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("a line");
    let base = line
        .trim()
        .strip_prefix("tandem: listening on ")
        .expect("the address line")
        .to_string();
    let health: Value = reqwest::blocking::get(format!("{base}/healthz"))
        .expect("healthz")
        .json()
        .expect("json");
    assert_eq!(health["status"], "ok");
    // SAFETY: signalling a child process we spawned and have not reaped.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let status = child.wait().expect("wait");
    assert!(status.success(), "{status:?}");
}

#[test]
fn print_config_shows_defaults_and_overrides() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["serve", "--print-config"])
        .env("TANDEM_QUEUE_CAPACITY", "7")
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("listen = \"127.0.0.1:8080\""), "{text}");
    assert!(text.contains("capacity = 7"), "{text}");

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["serve", "--print-config"])
        .env("TANDEM_QUEUE_WORKERS", "lots")
        .output()
        .expect("runs");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("TANDEM_QUEUE_WORKERS"));
}
