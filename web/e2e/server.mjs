// Starts a real `tandem serve` on a free port with a fresh database, for one test file.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = resolve(here, '..');
export const REPO_DIR = resolve(WEB_DIR, '..');
export const PROBLEMS_DIR = join(REPO_DIR, 'problems');

/** The `tandem` binary: $TANDEM_BIN, else ../target/debug/tandem from web/. */
export function tandemBin() {
  return process.env.TANDEM_BIN ? resolve(process.env.TANDEM_BIN) : join(REPO_DIR, 'target', 'debug', 'tandem');
}

/**
 * Starts the server; resolves to `{ url, stop }` once it prints its address. `args` are more
 * arguments to `tandem serve` (e.g. `['--config', file]`).
 * `stop()` sends SIGTERM (SIGKILL after 5 s) and removes the temporary database directory.
 */
export async function startServer({ timeoutMs = 20_000, env = {}, args = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  const child = spawn(tandemBin(), ['serve', '--listen', '127.0.0.1:0', ...args], {
    cwd: REPO_DIR,
    env: {
      ...process.env,
      TANDEM_DATABASE_PATH: join(dir, 'tandem.db'),
      TANDEM_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    stderr += d;
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
  });
  child.stdout.setEncoding('utf8');

  const exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));

  const url = await new Promise((res, rej) => {
    const timer = setTimeout(() => {
      rej(new Error(`tandem serve did not print its address within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /tandem: listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      rej(new Error(`could not start ${tandemBin()}: ${err.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      rej(new Error(`tandem serve exited early (code ${code}, signal ${signal})\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  }).catch((err) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(kill);
    }
    rmSync(dir, { recursive: true, force: true });
  }

  await warnIfStale(url);
  return { url, stop, logs: () => stderr, pid: child.pid };
}

/** The binary embeds web/dist when it is compiled: say so when it serves another build. */
async function warnIfStale(url) {
  const dist = join(WEB_DIR, 'dist', 'index.html');
  if (!existsSync(dist)) return;
  try {
    const served = await (await fetch(`${url}/`)).text();
    if (served.trim() !== readFileSync(dist, 'utf8').trim()) {
      process.stderr.write(
        `e2e: ${tandemBin()} serves a different web build than web/dist; rebuild it to test the current UI:\n` +
          '  (cd web && npm run build) && cargo build -p tandem\n',
      );
    }
  } catch {
    // The tests themselves will say what is wrong with the server.
  }
}
