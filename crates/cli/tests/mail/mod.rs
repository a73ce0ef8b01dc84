//! The test side of mail: a real SMTP server process (`smtp_capture.py`, aiosmtpd) on
//! 127.0.0.1 that keeps every message in a directory, readers for those messages, and a real
//! `tandem serve` process whose log can be read afterwards.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The Python with aiosmtpd (scripts/setup.sh), unless TANDEM_TEST_PYTHON names another.
fn python() -> String {
    std::env::var("TANDEM_TEST_PYTHON").unwrap_or_else(|_| "/opt/tandem/venv/bin/python".into())
}

/// Waits for `ready` to hold, checking every 50 ms, for at most `limit`; a bound on waiting
/// for something that happens in another process, not an assertion about time.
fn wait_until<T>(limit: Duration, mut ready: impl FnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    loop {
        if let Some(value) = ready() {
            return Some(value);
        }
        if start.elapsed() > limit {
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub struct SmtpCapture {
    pub port: u16,
    pub dir: PathBuf,
    child: Child,
    _tmp: tempfile::TempDir,
}

impl SmtpCapture {
    pub fn start() -> SmtpCapture {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("mail");
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp_capture.py");
        let mut child = Command::new(python())
            .arg(script)
            .arg(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start smtp_capture.py (run scripts/setup.sh for aiosmtpd)");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the capture server prints its port");
        let port = line
            .trim()
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        SmtpCapture {
            port,
            dir,
            child,
            _tmp: tmp,
        }
    }

    /// Every mail received so far, oldest first.
    pub fn mails(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut names: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("read mail"))
            .collect()
    }

    /// Waits (up to 30 s) until `count` mails have come and returns them.
    pub fn wait_for(&self, count: usize) -> Vec<String> {
        wait_until(Duration::from_secs(30), || {
            let mails = self.mails();
            (mails.len() >= count).then_some(mails)
        })
        .unwrap_or_else(|| panic!("{count} mail(s) did not arrive; got {:?}", self.mails()))
    }
}

impl Drop for SmtpCapture {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A mail's text with quoted-printable soft breaks and escapes undone.
pub fn decoded(mail: &str) -> String {
    let joined = mail.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(byte) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first sign-in link in a mail.
pub fn link_in(mail: &str) -> String {
    let text = decoded(mail);
    let start = text
        .find("http://")
        .unwrap_or_else(|| panic!("no link in {text}"));
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || ":/.?=&_-%".contains(*c))
        .collect()
}

/// The token of a sign-in link.
pub fn token_of(link: &str) -> String {
    link.split("token=")
        .nth(1)
        .map(|t| t.chars().take_while(char::is_ascii_hexdigit).collect())
        .unwrap_or_else(|| panic!("no token in {link}"))
}

/// A real `tandem serve` process (this package's binary) with extra environment, its log
/// (stderr) kept in a file.
pub struct ServeProcess {
    pub base: String,
    pub log: PathBuf,
    child: Child,
    _tmp: tempfile::TempDir,
}

impl ServeProcess {
    pub fn start(env: &[(&str, String)]) -> ServeProcess {
        let tmp = tempfile::tempdir().expect("tempdir");
        let log = tmp.path().join("serve.log");
        let log_file = std::fs::File::create(&log).expect("log file");
        let mut command = Command::new(env!("CARGO_BIN_EXE_tandem"));
        command
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env("TANDEM_DATABASE_PATH", tmp.path().join("tandem.db"))
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log_file));
        for (name, value) in env {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("start tandem serve");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut base = None;
        let mut line = String::new();
        while stdout.read_line(&mut line).unwrap_or(0) > 0 {
            if let Some(url) = line.trim().strip_prefix("tandem: listening on ") {
                base = Some(url.to_string());
                break;
            }
            line.clear();
        }
        let Some(base) = base else {
            let _ = child.kill();
            panic!(
                "tandem serve did not start: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        };
        ServeProcess {
            base,
            log,
            child,
            _tmp: tmp,
        }
    }

    /// Stops the server (SIGTERM, so it finishes writing) and returns its whole log.
    pub fn stop(mut self) -> String {
        let pid = libc::pid_t::try_from(self.child.id()).expect("pid");
        // SAFETY: kill(2) on the pid of a child we spawned and have not reaped yet.
        unsafe { libc::kill(pid, libc::SIGTERM) };
        let _ = self.child.wait();
        let mut text = String::new();
        std::fs::File::open(&self.log)
            .and_then(|mut f| f.read_to_string(&mut text))
            .expect("read the log");
        text
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
