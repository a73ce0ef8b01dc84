// Magic-link sign-in and avatars in Chromium: the server sends mail to a real SMTP server
// process (crates/cli/tests/smtp_capture.py, aiosmtpd) on 127.0.0.1; the test reads the mail
// file, opens the link, signs in with the landing page's button, then uploads an avatar on the
// account page and sees it in the header.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage, until, waitText } from './helpers.mjs';
import { REPO_DIR, startServer, WEB_DIR } from './server.mjs';

const PYTHON = process.env.TANDEM_TEST_PYTHON ?? '/opt/tandem/venv/bin/python';
const CAPTURE = join(REPO_DIR, 'crates', 'cli', 'tests', 'smtp_capture.py');
const OUT = join(WEB_DIR, 'e2e', 'screenshots');

let smtp;
let server;
let browser;

/** Starts the capture SMTP server; resolves to { port, dir, stop } once it prints its port. */
function startCapture() {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-mail-'));
  const child = spawn(PYTHON, [CAPTURE, join(dir, 'mail')], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`smtp_capture.py exited (${code}) before printing its port`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        child.removeAllListeners('exit');
        resolve({
          port: Number(m[1]),
          dir: join(dir, 'mail'),
          stop: () => {
            child.stdin.end();
            child.kill('SIGTERM');
            rmSync(dir, { recursive: true, force: true });
          },
        });
      }
    });
  });
}

function mails(dir) {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.eml'))
      .sort()
      .map((n) => readFileSync(join(dir, n), 'utf8'));
  } catch {
    return [];
  }
}

/** The mail's text with quoted-printable soft breaks and =XX escapes undone. */
function decoded(mail) {
  return mail.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

before(async () => {
  smtp = await startCapture();
  server = await startServer({
    env: {
      TANDEM_SMTP_HOST: '127.0.0.1',
      TANDEM_SMTP_PORT: String(smtp.port),
      TANDEM_SMTP_TLS: 'none',
      TANDEM_SMTP_FROM: 'Tandem <no-reply@tandem.test>',
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  smtp?.stop();
});

test('a mailed link signs in; an uploaded avatar shows on the account page and in the header', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(`${server.url}/signin`);
    await page.getByTestId('magic-link-form').waitFor();
    await page.getByTestId('magic-email').fill('ada.lovelace@example.org');
    await page.getByTestId('magic-submit').click();
    await waitText(page.getByTestId('magic-sent'), /Check your mail/);
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'magic-avatar-signin.png'), fullPage: true });

    const [mail] = await until(() => {
      const all = mails(smtp.dir);
      return all.length > 0 ? all : null;
    }, { timeout: 30_000, message: 'the sign-in mail' });
    assert.match(mail, /^To: ada\.lovelace@example\.org/im);
    const link = /http:\/\/127\.0\.0\.1:\d+\/api\/auth\/magic-link\/verify\?token=[0-9a-f]{64}/.exec(decoded(mail))?.[0];
    assert.ok(link, `a link in the mail:\n${mail}`);
    assert.ok(link.startsWith(server.url), `${link} points at ${server.url}`);

    // The link lands on a page that signs in only on a click (scanners cannot use it up).
    await page.goto(link);
    await until(() => new URL(page.url()).pathname === '/signin/magic', { message: 'the landing page' });
    const button = page.getByTestId('magic-link-signin');
    await button.waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is dropped from the address bar');
    await button.click();
    await until(() => new URL(page.url()).pathname === '/account', { message: 'signed in, on /account' });
    await waitText(page.locator('#account-title'), 'Account · ada_lovelace');

    // An avatar: a PNG drawn by the browser's own canvas.
    const png = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 400;
      canvas.height = 300;
      const g = canvas.getContext('2d');
      g.fillStyle = '#2a6';
      g.fillRect(0, 0, 400, 300);
      g.fillStyle = '#fc3';
      g.beginPath();
      g.arc(200, 150, 100, 0, Math.PI * 2);
      g.fill();
      return canvas.toDataURL('image/png').split(',')[1];
    });
    await page.getByTestId('avatar-file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    await page.getByTestId('avatar-preview').waitFor();
    await page.getByTestId('avatar-upload').click();
    const current = page.getByTestId('avatar-current');
    await current.waitFor();
    const header = page.getByTestId('header-avatar');
    await header.waitFor();
    const sizes = await until(
      async () => {
        const [a, b] = await Promise.all([
          current.evaluate((img) => img.complete && img.naturalWidth),
          header.evaluate((img) => img.complete && img.naturalWidth),
        ]);
        return a && b ? [a, b] : null;
      },
      { message: 'both avatars loaded' },
    );
    assert.deepEqual(sizes, [256, 256], 'the server serves its own 256×256 picture');

    await page.screenshot({ path: join(OUT, 'magic-avatar-account.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
