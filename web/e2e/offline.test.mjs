// 7. Offline: edits are kept locally while the network is down and synced when it comes back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { editorReady, getCode, launchBrowser, newPage, openSession, setCode, until, waitAttr, waitText } from './helpers.mjs';

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

test('an offline edit is saved locally, then synced when back online', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await openSession(page, server.url, SLUG);
    const status = page.getByTestId('save-status');
    await waitAttr(status, 'data-state', 'saved');

    await context.setOffline(true);
    const draft = `# written offline ${Date.now()}\nclass Solution:\n    pass\n`;
    await setCode(page, draft);
    await waitAttr(status, 'data-state', 'offline');
    await waitText(status, /offline/i);
    await waitText(status, /saved locally/i);
    const local = await page.evaluate((slug) => JSON.parse(localStorage.getItem(`tandem:draft:${slug}:python`)), SLUG);
    assert.equal(local.code, draft, 'the draft is in local storage');
    assert.equal(local.pending, true, 'and marked as not yet on the server');
    const onServer = await (await page.request.get(`${server.url}/api/sessions/${SLUG}`)).json();
    assert.notEqual(onServer.drafts.python?.code, draft, 'the server does not have it yet');

    // A second edit while still offline is kept too.
    const draft2 = `${draft}# and a second line\n`;
    await setCode(page, draft2);
    await waitAttr(status, 'data-state', 'offline');

    // Back online: the draft is pushed without waiting for the periodic retry.
    const put = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/sessions/${SLUG}/drafts/python`) && r.ok(),
      { timeout: 10_000 },
    );
    await context.setOffline(false);
    await put;
    await waitAttr(status, 'data-state', 'saved', { timeout: 10_000 });
    await waitText(status, /^Saved$/);
    const session = await until(
      async () => {
        const s = await (await page.request.get(`${server.url}/api/sessions/${SLUG}`)).json();
        return s.drafts.python?.code === draft2 ? s : null;
      },
      { message: 'the server has the offline draft' },
    );
    assert.equal(session.drafts.python.code, draft2);
    const synced = await page.evaluate((slug) => JSON.parse(localStorage.getItem(`tandem:draft:${slug}:python`)), SLUG);
    assert.equal(synced.pending, false, 'the local copy is marked as synced');

    // And it survives a reload from the server alone.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await editorReady(page);
    assert.equal(await getCode(page), draft2);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a run while offline says so instead of hanging', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await openSession(page, server.url, SLUG);
    await context.setOffline(true);
    await page.getByTestId('run-button').click();
    const sheet = page.getByTestId('result-sheet');
    await waitAttr(sheet, 'data-phase', 'error');
    const text = await sheet.innerText();
    assert.match(text, /could not reach/i, 'an explanation is shown');
    // The live region announces it; on screen it appears once (in the error notice).
    const status = page.getByTestId('run-status');
    const said = (await status.innerText()).trim();
    const statusShown = ((await status.boundingBox())?.width ?? 0) > 1;
    const times = text.split(said).length - 1;
    assert.equal(await page.getByTestId('run-button').isEnabled(), true, 'Run can be tried again');
    await context.setOffline(false);
    await page.getByTestId('run-button').click();
    await waitAttr(sheet, 'data-phase', 'done', { timeout: 45_000 });
    assert.deepEqual(errors, []);
    assert.ok(!(statusShown && times > 1), `the reason was shown ${times} times on screen: ${JSON.stringify(text)}`);
  } finally {
    await context.close();
  }
});
