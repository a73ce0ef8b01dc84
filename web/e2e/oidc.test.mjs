// Sign-in with an OpenID Connect provider in Chromium: a guest with a draft clicks "Continue
// with Fake ID" on the sign-in page, goes through the fake provider (e2e/fake-oidc.mjs) and
// lands signed in on the account page, with the draft kept and the provider listed as linked.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFakeOidc } from './fake-oidc.mjs';
import { launchBrowser, newPage, until, waitText } from './helpers.mjs';
import { startServer, WEB_DIR } from './server.mjs';

const OUT = join(WEB_DIR, 'e2e', 'screenshots');
const SLUG = 'warmer-day-ahead';
let fake;
let server;
let browser;
let configDir;

before(async () => {
  fake = await startFakeOidc();
  configDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-oidc-'));
  const config = join(configDir, 'tandem.toml');
  writeFileSync(
    config,
    `[[auth.oidc]]\nid = "fake"\nname = "Fake ID"\nissuer = "${fake.issuer}"\nclient_id = "${fake.clientId}"\n`,
  );
  // The secret through the environment, as a deployment would.
  server = await startServer({
    args: ['--config', config],
    env: { TANDEM_AUTH_OIDC_FAKE_CLIENT_SECRET: fake.clientSecret },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.stop();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

test('Continue with the provider: a guest lands signed in on the account page', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const base = server.url;
    // Guest work first, through the API with the browser's own cookie.
    await page.goto(`${base}/`);
    const saved = await page.evaluate(async (slug) => {
      const r = await fetch(`/api/sessions/${slug}/drafts/python`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: '# written as a guest', client_updated_at: Date.now() }),
      });
      return r.status;
    }, SLUG);
    assert.equal(saved, 200);

    await page.goto(`${base}/signin`);
    const button = page.getByTestId('oidc-fake');
    await waitText(button, 'Continue with Fake ID');
    await button.click();

    await until(() => new URL(page.url()).pathname === '/account', { message: 'landing on /account' });
    await waitText(page.locator('#account-title'), 'Account · grace');
    await waitText(page.getByTestId('provider-fake'), 'linked (grace@example.org)');
    assert.equal(await page.getByTestId('unlink-fake').count(), 1);

    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    assert.equal(me.kind, 'account');
    assert.equal(me.username, 'grace');
    const session = await page.evaluate(async (slug) => (await fetch(`/api/sessions/${slug}`)).json(), SLUG);
    assert.equal(session.drafts.python.code, '# written as a guest', 'guest work kept');

    assert.equal(fake.tokenCalls.length, 1);
    assert.deepEqual(fake.tokenCalls[0], { pkceOk: true, clientOk: true, status: 200 });

    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'oidc-account.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a cancelled or replayed sign-in explains itself on the sign-in page', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(`${server.url}/api/auth/oidc/fake/callback?code=x&state=not-a-state`);
    await until(() => new URL(page.url()).pathname === '/signin', { message: 'back on /signin' });
    await waitText(page.getByTestId('oidc-error'), 'expired or was already used');
    await waitText(page.getByTestId('oidc-fake'), 'Continue with Fake ID');
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'oidc-signin-error.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
