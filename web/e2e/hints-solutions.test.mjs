// 5. Hints are revealed one tier at a time; solutions stay hidden until confirmed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { launchBrowser, newPage, openSession, problemDir, readText, until, waitAttr, waitText } from './helpers.mjs';

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

const squash = (s) => s.replace(/\s+/g, ' ').trim();

test('hints come one tier at a time, each asked for', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const tiers = readText(join(problemDir(SLUG), 'hints.md'))
      .split(/^---\s*$/m)
      .map((t) => t.trim())
      .filter(Boolean);
    assert.equal(tiers.length, 3);
    await openSession(page, server.url, SLUG);
    const button = page.getByTestId('hint-button');
    const hints = page.getByTestId('hint');
    assert.equal(await hints.count(), 0, 'no hint is shown before asking');

    for (let i = 1; i <= tiers.length; i++) {
      await waitText(button, `Show hint ${i} of ${tiers.length}`);
      const posted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/sessions/${SLUG}/hints`));
      await button.click();
      assert.equal((await posted).status(), 200);
      await until(async () => (await hints.count()) === i, { message: `${i} hint(s) shown` });
      assert.equal(await hints.nth(i - 1).getAttribute('data-tier'), String(i));
      // The words of the hint (rendered markdown: compare the first words of plain text).
      const shown = squash(await hints.nth(i - 1).innerText());
      const words = squash(tiers[i - 1].replace(/[`*"]/g, '')).split(' ').slice(0, 6).join(' ');
      assert.ok(shown.replace(/["“”]/g, '').includes(words), `hint ${i} shows "${words}…": ${shown}`);
      // Later tiers are not in the page yet.
      const html = await page.content();
      for (const later of tiers.slice(i)) {
        const probe = squash(later).split(' ').slice(2, 9).join(' ');
        assert.ok(!squash(html).includes(probe), `tier beyond ${i} is not in the page yet`);
      }
    }
    await button.waitFor({ state: 'detached' });
    await page.getByText('All 3 hints shown.').waitFor();

    // Revealed hints are part of the session: still there after a reload.
    await page.reload();
    await until(async () => (await hints.count()) === 3, { message: 'three hints after reload' });
    assert.equal(await button.count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('solutions stay collapsed and hidden until the reveal is confirmed', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const reference = readText(join(problemDir(SLUG), 'solutions', 'main.py'));
    const solutionPosts = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/api/sessions/${SLUG}/solutions`)) solutionPosts.push(r.url());
    });
    await openSession(page, server.url, SLUG);
    const panel = page.getByTestId('solutions-panel');
    const toggle = page.getByTestId('solutions-toggle');
    await panel.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'collapsed at first');
    assert.equal(await page.getByTestId('solution-code').count(), 0);
    assert.equal(await page.getByTestId('solutions-reveal').isVisible(), false, 'nothing to click while collapsed');

    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.getByTestId('solutions-reveal').waitFor();
    assert.equal(await page.getByTestId('solution-code').count(), 0, 'expanding alone reveals nothing');

    // Asking, then cancelling, reveals nothing.
    await page.getByTestId('solutions-reveal').click();
    await page.getByTestId('solutions-confirm').waitFor();
    assert.equal(await page.getByTestId('solution-code').count(), 0);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('solutions-reveal').waitFor();
    assert.deepEqual(solutionPosts, [], 'no reveal request before confirming');

    // Confirm: the reference solutions appear and the reveal is recorded.
    await page.getByTestId('solutions-reveal').click();
    await page.getByTestId('solutions-confirm').click();
    const python = page.locator('[data-testid="solution-code"][data-language="python"]');
    await python.waitFor();
    assert.equal(solutionPosts.length, 1);
    assert.ok(squash(await python.innerText()).includes(squash(reference)), 'the Python reference solution is shown');
    const session = await (await page.request.get(`${server.url}/api/sessions/${SLUG}`)).json();
    assert.ok(Array.isArray(session.solutions) && session.solutions.length >= 1);

    // Collapsing hides it again; after a reload the panel is collapsed but already revealed.
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await python.isVisible(), false);
    await page.reload();
    await waitAttr(page.getByTestId('solutions-toggle'), 'aria-expanded', 'false');
    await page.getByTestId('solutions-toggle').click();
    await python.waitFor();
    assert.equal(await page.getByTestId('solutions-reveal').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
