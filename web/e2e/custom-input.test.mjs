// 3. Custom input: Run sends the learner's own input and shows input, expected and actual.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { launchBrowser, newPage, openSession, RIGHT_PY, setCode, waitAttr, waitText, runAndWait, WRONG_PY } from './helpers.mjs';

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

test('a run with custom input shows the output and the expected answer', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await openSession(page, server.url, SLUG);
    const toggle = page.getByTestId('custom-input-toggle');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.getByTestId('custom-input').count(), 0, 'no custom input box until asked for');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const box = page.getByTestId('custom-input');
    await box.waitFor();
    await waitText(page.getByTestId('run-button'), 'Run custom');

    // A correct solution: one "custom" test whose actual matches the reference's expected.
    await setCode(page, RIGHT_PY);
    await box.fill('[5, 1, 6]');
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/runs'));
    const verdict = runAndWait(page, 'run-button');
    const body = (await posted).postDataJSON();
    assert.equal(body.kind, 'custom');
    assert.equal(body.custom_input, '[5, 1, 6]');
    assert.equal(await verdict, 'accepted');
    const rows = page.getByTestId('test-row');
    assert.equal(await rows.count(), 1, 'a custom run has a single test');
    assert.equal(await rows.first().getAttribute('data-name'), 'custom');
    await rows.first().getByRole('button').click();
    const detail = page.getByTestId('test-detail');
    await detail.waitFor();
    assert.equal((await detail.getByTestId('test-input').innerText()).trim(), '[5,1,6]');
    assert.equal((await detail.getByTestId('test-expected').innerText()).trim(), '[2,1,0]');
    assert.equal((await detail.getByTestId('test-actual').innerText()).trim(), '[2,1,0]');

    // A wrong solution (it treats equal days as warmer): expected and actual differ.
    await setCode(page, WRONG_PY);
    await box.fill('[5, 5, 6]');
    assert.equal(await runAndWait(page, 'run-button'), 'wrong_answer');
    await detail.waitFor();
    assert.equal((await detail.getByTestId('test-expected').innerText()).trim(), '[2,1,0]');
    assert.equal((await detail.getByTestId('test-actual').innerText()).trim(), '[1,1,0]');
    await detail.getByTestId('diff-view').waitFor();

    // Input that breaks the constraints is refused with a message, not judged.
    await box.fill('[500]');
    assert.equal(await runAndWait(page, 'run-button'), 'failed');
    await waitText(page.getByTestId('run-failure'), /constraint/i);

    // Toggle off: Run goes back to the example tests.
    await toggle.click();
    assert.equal(await page.getByTestId('custom-input').count(), 0);
    await waitText(page.getByTestId('run-button'), /^Run$/);
    const posted2 = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/runs'));
    const verdict2 = runAndWait(page, 'run-button');
    assert.equal((await posted2).postDataJSON().kind, 'run');
    assert.equal(await verdict2, 'wrong_answer');
    await waitAttr(page.getByTestId('result-sheet'), 'data-phase', 'done');
    assert.equal(await page.getByTestId('test-row').count(), 3);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
