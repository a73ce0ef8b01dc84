// 2. Reloading keeps the draft (locally and on the server) and the timer (paused stays paused).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { editorReady, getCode, launchBrowser, newPage, openSession, setCode, waitAttr, waitText } from './helpers.mjs';

const SLUG = 'warmer-day-ahead';
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits for the next successful draft PUT for `language` and for the status to say saved. */
async function typeAndWaitSaved(page, code, language = 'python') {
  const put = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/sessions/${SLUG}/drafts/${language}`) && r.ok(),
  );
  await setCode(page, code);
  const response = await put;
  assert.equal((await response.json()).code, code, 'the server stored the typed code');
  const status = page.getByTestId('save-status');
  await waitAttr(status, 'data-state', 'saved');
  await waitText(status, 'Saved');
}

test('a reload keeps the draft, from local storage and from the server', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await openSession(page, server.url, SLUG);
    const draft = `# draft kept across reloads ${Date.now()}\nclass Solution:\n    pass\n`;
    await typeAndWaitSaved(page, draft);

    await page.reload();
    await editorReady(page);
    assert.equal(await getCode(page), draft, 'after a reload the editor shows the draft');
    assert.equal(await page.getByTestId('save-status').getAttribute('data-state'), 'saved');

    // Without this browser's copy, the server's copy comes back.
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('tandem:draft:')) localStorage.removeItem(k);
    });
    await page.reload();
    await editorReady(page);
    assert.equal(await getCode(page), draft, 'the draft is restored from the server');

    const session = await (await page.request.get(`${server.url}/api/sessions/${SLUG}`)).json();
    assert.equal(session.drafts.python.code, draft);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a paused timer stays paused at the same time across a reload; resume counts again', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await openSession(page, server.url, SLUG);
    const timer = page.getByTestId('timer');
    const clock = page.getByTestId('timer-clock');
    await waitAttr(timer, 'data-state', 'counting');
    // The problem's estimate is 20 minutes; the clock counts down from it.
    const first = await waitText(clock, /^\d\d:\d\d$/);
    assert.ok(first <= '20:00' && first >= '19:00', `counting down from 20:00: ${first}`);

    const paused = page.waitForResponse((r) => r.url().endsWith(`/api/sessions/${SLUG}/timer`) && r.ok());
    await page.getByTestId('timer-pause').click();
    const t = await (await paused).json();
    assert.equal(t.running, false);
    await waitAttr(timer, 'data-state', 'paused');
    await page.getByTestId('timer-resume').waitFor();
    assert.equal(await page.getByTestId('timer-pause').count(), 0, 'only one of pause/resume is shown');
    const shown = await clock.innerText();
    assert.match(shown, /^\d\d:\d\d$/);

    // Still paused a moment later (no ticking) and after a reload, at the same time.
    await page.waitForTimeout(1_200);
    assert.equal(await clock.innerText(), shown, 'a paused clock does not move');
    await page.reload();
    await editorReady(page);
    await waitAttr(timer, 'data-state', 'paused');
    assert.equal(await clock.innerText(), shown, 'the same time after a reload');
    await page.getByTestId('timer-resume').waitFor();

    // Resume: counting again, and the clock moves down from where it stopped.
    await page.getByTestId('timer-resume').click();
    await waitAttr(timer, 'data-state', 'counting');
    await page.getByTestId('timer-pause').waitFor();
    const later = await waitText(clock, new RegExp(`^(?!${shown}$)\\d\\d:\\d\\d$`), { timeout: 5_000 });
    assert.ok(later < shown, `counting down after resume: ${shown} → ${later}`);
    const session = await (await page.request.get(`${server.url}/api/sessions/${SLUG}`)).json();
    assert.equal(session.timer.running, true);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
