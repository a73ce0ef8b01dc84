// Accounts in a real browser: passkeys through Chromium's virtual authenticator (the DevTools
// WebAuthn domain) and the password flows, against a real `tandem serve`.
//
// The pages are opened at http://localhost:PORT, not 127.0.0.1: browsers refuse WebAuthn on an
// IP address, and localhost is a secure context even over plain HTTP. With no
// auth.webauthn_origin set, the server accepts http://localhost on any port.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer, WEB_DIR } from './server.mjs';
import { editorReady, getCode, launchBrowser, newPage, openSession, setCode, until, waitAttr, waitText } from './helpers.mjs';

const SLUG = 'warmer-day-ahead';
const OUT = join(WEB_DIR, 'e2e', 'screenshots');
const PASSWORD = 'correct horse battery';

let server;
let base;
let browser;

before(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startServer();
  base = server.url.replace('//127.0.0.1:', '//localhost:');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A platform-like authenticator that keeps discoverable credentials and verifies the user. */
async function addAuthenticator(cdp) {
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return authenticatorId;
}

async function me(page) {
  return (await page.request.get(`${base}/api/me`)).json();
}

async function waitForMe(page, predicate, message) {
  return until(
    async () => {
      const who = await me(page);
      return predicate(who) ? who : null;
    },
    { message },
  );
}

/** Types a draft and waits until the server has stored it. */
async function saveDraft(page, code) {
  const put = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/sessions/${SLUG}/drafts/python`) && r.ok(),
  );
  await setCode(page, code);
  await put;
  await waitAttr(page.getByTestId('save-status'), 'data-state', 'saved');
}

async function signOut(page) {
  await page.goto(`${base}/account`);
  await page.getByTestId('account-signout').click();
  await page.getByTestId('nav-signin').waitFor();
  await waitForMe(page, (who) => who.kind === 'guest', 'a guest after signing out');
}

test('a guest signs up with a passkey, keeps the draft, signs in with it and adds another', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const first = await addAuthenticator(cdp);

    // A guest saves a draft.
    await openSession(page, base, SLUG);
    const draft = `# kept through a passkey sign-up ${Date.now()}\nclass Solution:\n    pass\n`;
    await saveDraft(page, draft);

    // Sign up with a passkey: the passkey is the first choice, no password typed.
    await page.goto(`${base}/signup`);
    await page.getByTestId('passkey-signup').waitFor();
    assert.match(await page.getByTestId('passkey-signup').getAttribute('class'), /button--primary/);
    await page.getByTestId('auth-username').fill('pat');
    await page.screenshot({ path: join(OUT, 'passkeys-signup.png') });
    await page.getByTestId('passkey-signup').click();
    await page.waitForURL(`${base}/problems`);
    const account = await waitForMe(page, (who) => who.kind === 'account', 'the account');
    assert.equal(account.username, 'pat');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId: first });
    assert.equal(credentials.length, 1, 'one credential on the authenticator');
    assert.equal(credentials[0].isResidentCredential, true, 'a discoverable credential (a passkey)');
    assert.equal(credentials[0].rpId, 'localhost');

    // The guest's draft is the account's.
    await openSession(page, base, SLUG);
    await editorReady(page);
    assert.equal(await getCode(page), draft);
    const session = await (await page.request.get(`${base}/api/sessions/${SLUG}`)).json();
    assert.equal(session.drafts.python.code, draft);

    // Sign out, then in again with the passkey, no username: the browser offers it.
    await signOut(page);
    await page.goto(`${base}/signin`);
    await page.getByTestId('passkey-signin').click();
    await page.waitForURL(`${base}/problems`);
    const again = await waitForMe(page, (who) => who.kind === 'account', 'signed in with the passkey');
    assert.equal(again.id, account.id);
    assert.equal(again.username, 'pat');

    // The account page lists it (used just now) and adds a second one from another device.
    await page.goto(`${base}/account`);
    const rows = page.getByTestId('passkey-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    assert.doesNotMatch(await rows.first().innerText(), /last used never/);
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: first });
    const second = await addAuthenticator(cdp);
    await page.getByTestId('passkey-new-name').fill('Second laptop');
    await page.getByTestId('passkey-add').click();
    await until(async () => (await rows.count()) === 2, { message: 'two passkeys listed' });
    await waitText(page.getByTestId('passkeys'), 'Second laptop');
    const added = await cdp.send('WebAuthn.getCredentials', { authenticatorId: second });
    assert.equal(added.credentials.length, 1);
    await page.screenshot({ path: join(OUT, 'passkeys-account.png'), fullPage: true });

    // The new passkey signs in too.
    await signOut(page);
    await page.goto(`${base}/signin`);
    await page.getByTestId('passkey-signin').click();
    await page.waitForURL(`${base}/problems`);
    assert.equal((await waitForMe(page, (who) => who.kind === 'account', 'signed in again')).username, 'pat');

    // A passkey-only account adds a password as a fallback, then signs in with it.
    await page.goto(`${base}/account`);
    await page.getByTestId('password-form').waitFor();
    assert.equal(await page.getByTestId('password-current').count(), 0, 'no current password to ask for');
    await page.getByTestId('password-new').fill('a fallback password');
    await page.getByTestId('password-submit').click();
    await waitText(page.getByTestId('password-done'), 'Password set.');
    await page.getByTestId('password-current').waitFor();
    await page.screenshot({ path: join(OUT, 'passkeys-account-password.png'), fullPage: true });
    await signOut(page);
    await page.goto(`${base}/signin`);
    await page.getByTestId('auth-username').fill('pat');
    await page.getByTestId('auth-password').fill('a fallback password');
    await page.getByTestId('auth-submit').click();
    const byPassword = await waitForMe(page, (who) => who.kind === 'account', 'signed in with the new password');
    assert.equal(byPassword.id, account.id);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a refused passkey check says so and signs no one in', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const id = await addAuthenticator(cdp);
    // The person fails the fingerprint or PIN: the browser refuses, nothing reaches the server.
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId: id, isUserVerified: false });
    await page.goto(`${base}/signup`);
    await page.getByTestId('auth-username').fill('quinn');
    await page.getByTestId('passkey-signup').click();
    await waitText(page.getByTestId('error-message'), /cancelled or timed out|could not be used/);
    assert.equal((await me(page)).kind, 'guest');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('password sign-up, sign-out and sign-in in the browser', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(`${base}/signup`);
    await page.getByTestId('auth-username').fill('robin');
    await page.getByTestId('auth-password').fill(PASSWORD);
    await page.getByTestId('auth-submit').click();
    await page.waitForURL(`${base}/problems`);
    const account = await waitForMe(page, (who) => who.kind === 'account', 'the password account');
    assert.equal(account.username, 'robin');
    await page.getByTestId('account-menu').waitFor();

    await signOut(page);

    await page.goto(`${base}/signin`);
    await page.getByTestId('auth-username').fill('robin');
    await page.getByTestId('auth-password').fill('wrong password');
    await page.getByTestId('auth-submit').click();
    await waitText(page.getByTestId('error-message'), 'wrong');
    await page.getByTestId('auth-password').fill(PASSWORD);
    await page.getByTestId('auth-submit').click();
    await page.waitForURL(`${base}/problems`);
    const back = await waitForMe(page, (who) => who.kind === 'account', 'signed in with the password');
    assert.equal(back.id, account.id);
    await page.getByTestId('account-menu').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a session past its expiry is signed out', { timeout: 60_000 }, async () => {
  const short = await startServer({ env: { TANDEM_AUTH_SESSION_SECONDS: '2' } });
  const shortBase = short.url.replace('//127.0.0.1:', '//localhost:');
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(`${shortBase}/signup`);
    await page.getByTestId('auth-username').fill('sam');
    await page.getByTestId('auth-password').fill(PASSWORD);
    await page.getByTestId('auth-submit').click();
    await page.waitForURL(`${shortBase}/problems`);
    await page.getByTestId('account-menu').waitFor();

    // The server stops honouring the cookie once it expires: wait for that state.
    const guest = await until(
      async () => {
        const who = await (await page.request.get(`${shortBase}/api/me`)).json();
        return who.kind === 'guest' ? who : null;
      },
      { message: 'the session to expire', timeout: 20_000, interval: 250 },
    );
    assert.equal(guest.username, null);
    await page.reload();
    await page.getByTestId('nav-signin').waitFor();
    assert.equal(await page.getByTestId('account-menu').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await short.stop();
  }
});
