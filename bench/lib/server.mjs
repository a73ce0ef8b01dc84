// Shared by the benchmarks of `tandem serve` (bench/load.mjs, bench/latency.mjs, bench/web/*):
// start the release server on a free port with a temporary database, read its memory, talk to
// it as a guest, follow a run's Server-Sent Events. Plain Node 20, no dependencies.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TANDEM = process.env.TANDEM_BIN || join(ROOT, 'target/release/tandem');

/**
 * Starts `tandem serve --listen 127.0.0.1:0` with a fresh database in a temporary directory.
 * Resolves to { addr, base, pid, dir, logPath, stop() } once it prints its address.
 * `env` adds or overrides variables (e.g. TANDEM_PROBLEMS_DIRS, TANDEM_QUEUE_CAPACITY).
 */
export async function startServer({ env = {}, timeoutMs = 60_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const logPath = join(dir, 'server.log');
  const log = createWriteStream(logPath);
  const child = spawn(TANDEM, ['serve', '--listen', '127.0.0.1:0'], {
    cwd: ROOT,
    env: {
      ...process.env,
      TANDEM_DATABASE_PATH: join(dir, 'tandem.db'),
      TANDEM_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.pipe(log);
  let exited = null;
  const exitPromise = new Promise((res) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      res(exited);
    }),
  );
  const addr = await new Promise((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`server did not start in ${timeoutMs} ms; log: ${logPath}`)), timeoutMs);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on http:\/\/(127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      rej(new Error(`server exited before listening (code ${code}, signal ${signal}); log: ${logPath}\n${safeRead(logPath)}`));
    });
  });
  child.stdout.resume();
  const base = `http://${addr}`;
  await waitHealthy(base);
  return {
    addr,
    base,
    pid: child.pid,
    dir,
    logPath,
    get exited() {
      return exited;
    },
    async stop({ keep = false } = {}) {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exitPromise;
        clearTimeout(timer);
      }
      log.end();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function safeRead(path) {
  try {
    return readFileSync(path, 'utf8').slice(-4000);
  } catch {
    return '';
  }
}

async function waitHealthy(base) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`${base}/healthz never answered 200`);
}

export const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

/** VmRSS and VmHWM of a process in KiB (null once it is gone). */
export function memoryKiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'))?.[1] ?? NaN);
    return { rss: field('VmRSS'), hwm: field('VmHWM'), threads: field('Threads') };
  } catch {
    return null;
  }
}

/** Samples a process's memory every `everyMs` until stopped; keeps the highest values seen. */
export function sampleMemory(pid, everyMs = 50) {
  const peak = { rss: 0, hwm: 0, threads: 0 };
  const take = () => {
    const m = memoryKiB(pid);
    if (!m) return;
    peak.rss = Math.max(peak.rss, m.rss);
    peak.hwm = Math.max(peak.hwm, m.hwm);
    peak.threads = Math.max(peak.threads, m.threads);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    peak,
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}

/** A guest: keeps the `tandem_session` cookie the server sets on its first answer. */
export class Guest {
  constructor(base) {
    this.base = base;
    this.cookie = null;
  }

  async fetch(path, init = {}) {
    const headers = { ...(init.headers || {}) };
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(this.base + path, { ...init, headers });
    const set = response.headers.getSetCookie?.() ?? [];
    for (const line of set) {
      const m = line.match(/^(tandem_session=[0-9a-fA-F]+)/);
      if (m) this.cookie = m[1];
    }
    return response;
  }

  /** POST /api/runs; resolves to { status, ms, body, retryAfter } (body parsed when JSON). */
  async postRun(body) {
    const t0 = performance.now();
    const response = await this.fetch('/api/runs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const ms = performance.now() - t0;
    const text = await response.text();
    let parsed = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    const retry = response.headers.get('retry-after');
    return { status: response.status, ms, body: parsed, retryAfter: retry === null ? null : Number(retry), t0 };
  }

  /**
   * Follows GET /api/runs/{id}/events. `onEvent(name, data, atMs)` is called for each event
   * (atMs = performance.now()). Resolves to the `done` data, or throws when the stream ends
   * without one or `timeoutMs` passes.
   */
  async follow(id, { onEvent = () => {}, timeoutMs = 120_000 } = {}) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no done event within ${timeoutMs} ms`)), timeoutMs);
    try {
      const response = await this.fetch(`/api/runs/${id}/events`, {
        headers: { accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (response.status !== 200) throw new Error(`events: HTTP ${response.status}`);
      let done = null;
      for await (const event of sseEvents(response.body)) {
        onEvent(event.event, event.data, performance.now());
        if (event.event === 'done') {
          done = event.data;
          break;
        }
      }
      controller.abort();
      if (!done) throw new Error('the event stream ended without done');
      return done;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Parses a text/event-stream body (a web ReadableStream) into { event, data } objects. */
export async function* sseEvents(body) {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
        let event = 'message';
        const data = [];
        for (const line of block.split(/\r?\n/)) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
        }
        if (data.length === 0) continue;
        const raw = data.join('\n');
        let parsed;
        try {
          parsed = JSON.parse(raw);
        } catch {
          parsed = raw;
        }
        yield { event, data: parsed };
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** Percentile (nearest rank) of numbers; p in [0, 100]. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (values) => {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export const fmt = (ms, digits = 1) => (Number.isFinite(ms) ? ms.toFixed(digits) : 'n/a');
export const mib = (kib) => (Number.isFinite(kib) ? `${(kib / 1024).toFixed(1)} MiB` : 'n/a');

/**
 * CPU seconds of a process from /proc/PID/stat: its own (user + system) and that of its waited-for
 * children (the server's judge boxes are its children). null once it is gone.
 */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime, stime, cutime, cstime are fields 14-17.
    const tick = 100; // USER_HZ on Linux
    const n = (i) => Number(fields[i - 3]) / tick;
    return { own: n(14) + n(15), children: n(16) + n(17) };
  } catch {
    return null;
  }
}

/** One line describing the machine and how busy it is (benchmarks print it first). */
export function machineLine() {
  const [one, five] = loadavg();
  return `machine: ${cpus().length} cores, load average ${one.toFixed(2)} (1 min) ${five.toFixed(2)} (5 min) at start`;
}

/** The kernel's count of connections dropped because a listen queue was full (system-wide). */
export function listenOverflows() {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    for (let i = 0; i + 1 < lines.length; i++) {
      if (lines[i].startsWith('TcpExt:') && lines[i + 1].startsWith('TcpExt:')) {
        const names = lines[i].split(/\s+/);
        const values = lines[i + 1].split(/\s+/);
        return Number(values[names.indexOf('ListenOverflows')]);
      }
    }
  } catch {
    /* not Linux */
  }
  return NaN;
}
