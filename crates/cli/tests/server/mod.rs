//! A real `tandem serve` app for API tests: the real sandbox (this package's binary as the box
//! process), real toolchains, a SQLite file in a temp dir, the repository's problem bank, on
//! 127.0.0.1 with a port picked by the OS. Plus a blocking HTTP client with a cookie jar and
//! a reader of Server-Sent Events.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use serde_json::Value;
use tandem_judge::{CompileCache, Search, Toolchains};
use tandem_sandbox::{Sandbox, SandboxConfig};
use tandem_server::{App, Config, Engine};

pub fn bank_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../problems"))
}

fn engine() -> Engine {
    static ENGINE: OnceLock<(Engine, tempfile::TempDir)> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let mut config = SandboxConfig::new(env!("CARGO_BIN_EXE_tandem"), vec!["__box".into()]);
            config.warm_boxes = 1;
            let sandbox = Sandbox::new(config).expect("the sandbox starts");
            let dir = tempfile::tempdir().expect("tempdir");
            let cache = CompileCache::open(dir.path(), 256 << 20).expect("cache");
            let engine = Engine {
                executor: Arc::new(sandbox),
                toolchains: Arc::new(Toolchains::detect_all(&Search::from_env())),
                cache: Arc::new(cache),
            };
            (engine, dir)
        })
        .0
        .clone()
}

pub struct TestServer {
    pub base: String,
    /// The server's SQLite file, to check what is stored.
    pub db: PathBuf,
    runtime: tokio::runtime::Runtime,
    _dir: tempfile::TempDir,
}

impl TestServer {
    pub fn start() -> TestServer {
        Self::start_with(|_| {})
    }

    /// Starts a server with the default config changed by `tweak`.
    pub fn start_with(tweak: impl FnOnce(&mut Config)) -> TestServer {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("tandem.db");
        let mut config = Config::default();
        config.server.listen = "127.0.0.1:0".into();
        config.database.path = db.display().to_string();
        config.log.level = "warn".into();
        tweak(&mut config);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let (app, listener) = runtime.block_on(async {
            let app = App::build(config, &[bank_dir()], engine())
                .await
                .expect("the app builds");
            let listener = app.bind().await.expect("bind");
            (app, listener)
        });
        let addr = tandem_server::local_addr(&listener).expect("address");
        runtime.spawn(app.serve(listener, std::future::pending()));
        TestServer {
            base: format!("http://{addr}"),
            db,
            runtime,
            _dir: dir,
        }
    }

    /// A connection to the server's SQLite file: tests check what is stored, or plant a state
    /// no request can make (an expired row).
    fn database(&self) -> sqlx::SqliteConnection {
        use sqlx::Connection;
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&self.db);
        self.runtime
            .block_on(sqlx::SqliteConnection::connect_with(&options))
            .expect("open the database")
    }

    /// A query answering one integer (`SELECT COUNT(*) …`), `binds` as text parameters.
    pub fn sql_i64(&self, sql: &str, binds: &[&str]) -> i64 {
        let mut conn = self.database();
        let mut query = sqlx::query_scalar(sql);
        for bind in binds {
            query = query.bind(*bind);
        }
        self.runtime
            .block_on(query.fetch_one(&mut conn))
            .unwrap_or_else(|err| panic!("{sql}: {err}"))
    }

    /// Each row's first column, as text.
    pub fn sql_texts(&self, sql: &str) -> Vec<String> {
        use sqlx::Row;
        let mut conn = self.database();
        self.runtime
            .block_on(sqlx::query(sql).fetch_all(&mut conn))
            .unwrap_or_else(|err| panic!("{sql}: {err}"))
            .iter()
            .map(|row| row.try_get::<String, _>(0).expect("text"))
            .collect()
    }

    /// Runs a statement; how many rows it changed.
    pub fn sql_execute(&self, sql: &str) -> u64 {
        let mut conn = self.database();
        self.runtime
            .block_on(sqlx::query(sql).execute(&mut conn))
            .unwrap_or_else(|err| panic!("{sql}: {err}"))
            .rows_affected()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A client with its own cookie jar: one browser, one guest.
    pub fn client(&self) -> Client {
        Client {
            http: reqwest::blocking::Client::builder()
                .cookie_store(true)
                .timeout(Duration::from_secs(60))
                .build()
                .expect("client"),
            base: self.base.clone(),
        }
    }
}

pub struct Client {
    pub http: reqwest::blocking::Client,
    pub base: String,
}

pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Client {
    fn reply(response: reqwest::blocking::Response) -> Reply {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().expect("body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
            text,
        }
    }

    pub fn get(&self, path: &str) -> Reply {
        Self::reply(
            self.http
                .get(format!("{}{path}", self.base))
                .send()
                .expect("request"),
        )
    }

    pub fn send(&self, method: &str, path: &str, body: &Value) -> Reply {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        Self::reply(
            self.http
                .request(method, format!("{}{path}", self.base))
                .json(body)
                .send()
                .expect("request"),
        )
    }

    /// Starts a run and returns its id (panics unless 202).
    pub fn start_run(&self, body: &Value) -> String {
        let reply = self.send("POST", "/api/runs", body);
        assert_eq!(reply.status, 202, "{}", reply.text);
        reply.body["id"].as_str().expect("id").to_string()
    }

    /// Every event of a run's stream until it ends: (event name, data).
    pub fn events(&self, run_id: &str) -> Vec<(String, Value)> {
        let response = self
            .http
            .get(format!("{}/api/runs/{run_id}/events", self.base))
            .send()
            .expect("events");
        assert_eq!(response.status().as_u16(), 200);
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        assert!(
            content_type.starts_with("text/event-stream"),
            "{content_type}"
        );
        let mut events = Vec::new();
        let mut name = String::new();
        for line in BufReader::new(response).lines() {
            let line = line.expect("line");
            if let Some(value) = line.strip_prefix("event:") {
                name = value.trim().to_string();
            } else if let Some(value) = line.strip_prefix("data:") {
                let data = serde_json::from_str(value.trim()).expect("event data is JSON");
                events.push((std::mem::take(&mut name), data));
            }
        }
        events
    }

    /// Runs to the end and returns the final run (the `done` event's data).
    pub fn run_to_end(&self, body: &Value) -> (String, Vec<(String, Value)>, Value) {
        let id = self.start_run(body);
        let events = self.events(&id);
        let done = events
            .iter()
            .rev()
            .find(|(name, _)| name == "done")
            .map(|(_, data)| data.clone())
            .expect("a done event");
        (id, events, done)
    }
}
