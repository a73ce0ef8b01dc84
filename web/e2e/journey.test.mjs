// 1. The core journey: landing → problems → search → session → wrong run → diff → accepted
//    submission → history shows both attempts with their code.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import {
  launchBrowser,
  newPage,
  RIGHT_PY,
  setCode,
  getCode,
  until,
  waitAttr,
  waitText,
  runAndWait,
  WRONG_PY,
  editorReady,
} from './helpers.mjs';

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

test('landing → problems → search → wrong run with diff → accepted submit → history', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const base = server.url;

    // Landing: the call to action and featured problems from /api/problems.
    await page.goto(`${base}/`);
    await page.getByTestId('featured-problem').first().waitFor();
    const featured = await page.getByTestId('featured-problem').count();
    assert.ok(featured >= 1 && featured <= 3, `1–3 featured problems, got ${featured}`);
    await page.getByTestId('cta-browse').click();

    // Problems page: full list, then search and filters narrow it to our problem.
    await until(() => new URL(page.url()).pathname === '/problems', { message: 'navigation to /problems' });
    const count = page.getByTestId('problems-count');
    const all = await waitText(count, /^\d+ of \d+ problems/);
    const [, shown, total] = /^(\d+) of (\d+)/.exec(all).map(Number);
    assert.equal(shown, total, 'no filter: every problem is listed');
    assert.equal(await page.getByTestId('problem-row').count(), total);
    assert.ok(total >= 10, `the bank has many problems (${total})`);

    await page.getByTestId('search-input').fill('warmer');
    await until(() => new URL(page.url()).searchParams.get('q') === 'warmer', { message: 'q=warmer in the URL' });
    await until(async () => (await page.getByTestId('problem-row').count()) < total, { message: 'search narrows the list' });
    await page.getByTestId('filter-difficulty').selectOption('medium');
    await until(() => new URL(page.url()).searchParams.get('difficulty') === 'medium', { message: 'difficulty in the URL' });
    const rows = page.getByTestId('problem-row');
    const slugs = await rows.evaluateAll((els) => els.map((e) => e.dataset.slug));
    assert.ok(slugs.includes(SLUG), `${SLUG} is listed after filtering: ${slugs}`);
    const filtered = await waitText(count, new RegExp(`^${slugs.length} of ${total} problems`));
    assert.match(filtered, /Clear filters/);
    const row = page.locator(`[data-testid="problem-row"][data-slug="${SLUG}"]`);
    assert.equal(await row.getAttribute('data-status'), 'new');

    // A filter with nothing to show says so.
    await page.getByTestId('search-input').fill('warmer zzzz-no-such-words');
    await page.getByTestId('problems-empty').waitFor();
    await page.getByTestId('search-input').fill('warmer');
    await row.waitFor();

    await row.getByRole('link', { name: 'Warmer Day Ahead' }).click();
    await until(() => new URL(page.url()).pathname === `/problems/${SLUG}`, { message: 'navigation to the session' });

    // Session: title, statement, and the editor with the Python starter.
    await waitText(page.getByTestId('problem-title'), 'Warmer Day Ahead');
    await waitText(page.getByTestId('statement'), 'strictly');
    await editorReady(page);
    const problem = await (await page.request.get(`${base}/api/problems/${SLUG}`)).json();
    assert.equal(await page.getByTestId('language-select').inputValue(), 'python');
    assert.equal(await getCode(page), problem.starter.python, 'the editor starts with the Python starter');
    assert.equal(await page.getByTestId('result-sheet').getAttribute('data-phase'), 'idle');

    // A wrong solution: per-test rows, a wrong-answer banner, and a diff for a failing test.
    await setCode(page, WRONG_PY);
    assert.equal(await runAndWait(page, 'run-button'), 'wrong_answer');
    await waitText(page.getByTestId('verdict-banner'), /wrong answer/i);
    await waitText(page.getByTestId('tests-passed'), '1 / 3 tests passed');
    const testRows = page.getByTestId('test-row');
    assert.equal(await testRows.count(), 3, 'a run has one row per public test');
    const verdicts = await testRows.evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.dataset.name, e.dataset.verdict])),
    );
    assert.deepEqual(verdicts, { example: 'wrong_answer', cooling: 'accepted', 'frosty-plateau': 'wrong_answer' });

    // The first failing test is open by default; open the other failing one.
    await waitText(page.getByTestId('test-detail'), 'example');
    await page.getByRole('button', { name: 'frosty-plateau: show details' }).click();
    const detail = page.getByTestId('test-detail');
    await waitText(detail.locator('h3'), 'frosty-plateau');
    assert.equal((await detail.getByTestId('test-input').innerText()).trim(), '[-3,-3,-3,0]');
    assert.equal((await detail.getByTestId('test-expected').innerText()).trim(), '[3,2,1,0]');
    assert.equal((await detail.getByTestId('test-actual').innerText()).trim(), '[1,1,1,0]');
    const diff = detail.getByTestId('diff-view');
    const del = await diff.locator('[data-kind="del"]').allInnerTexts();
    const add = await diff.locator('[data-kind="add"]').allInnerTexts();
    assert.ok(del.some((l) => l.includes('3')), `expected lines (del) show 3: ${del}`);
    assert.ok(add.some((l) => l.includes('1')), `actual lines (add) show 1: ${add}`);
    assert.ok(del.length > 0 && add.length > 0);
    assert.equal(
      await page.getByRole('button', { name: 'frosty-plateau: show details' }).getAttribute('aria-pressed'),
      'true',
    );

    // Fix it and submit: accepted on every test, hidden ones included, and the session is solved.
    await setCode(page, RIGHT_PY);
    assert.equal(await runAndWait(page, 'submit-button'), 'accepted');
    await waitText(page.getByTestId('verdict-banner'), /accepted/i);
    const passed = await page.getByTestId('tests-passed').innerText();
    const [, p, n] = /(\d+) \/ (\d+)/.exec(passed).map(Number);
    assert.equal(p, n);
    assert.ok(n > 3, 'a submission also runs hidden tests');
    const hiddenRows = page.locator('[data-testid="test-row"][data-hidden="true"]');
    assert.equal(await hiddenRows.count(), n - 3);
    for (const text of await hiddenRows.locator('td:first-child').allInnerTexts()) assert.equal(text.trim(), 'hidden');
    await page.getByTestId('solved-tag').waitFor();
    await waitAttr(page.getByTestId('timer'), 'data-state', 'stopped');
    await waitText(page.getByTestId('timer-clock'), /^Solved in \d+:\d\d$/);

    // History: both attempts, newest first; the older one shows its code.
    await page.getByTestId('history-tab').click();
    const items = page.getByTestId('history-item');
    await until(async () => (await items.count()) === 2, { message: 'two history items' });
    const meta = await items.evaluateAll((els) => els.map((e) => [e.dataset.kind, e.dataset.verdict]));
    assert.deepEqual(meta, [
      ['submit', 'accepted'],
      ['run', 'wrong_answer'],
    ]);
    await items.nth(1).click();
    assert.equal(await items.nth(1).getAttribute('aria-pressed'), 'true');
    const shownCode = await page.getByTestId('history-code').innerText();
    assert.equal(shownCode.trimEnd(), WRONG_PY.trimEnd());
    await items.nth(0).click();
    await waitText(page.getByTestId('history-code'), 'pending.append(day)');

    // Load the wrong attempt back into the editor.
    await items.nth(1).click();
    await page.getByTestId('history-load').click();
    await until(async () => (await getCode(page)) === WRONG_PY, { message: 'history code loaded into the editor' });

    // Back on the list, the problem is marked solved.
    await page.getByTestId('nav-problems').click();
    const solvedRow = page.locator(`[data-testid="problem-row"][data-slug="${SLUG}"]`);
    await waitAttr(solvedRow, 'data-status', 'solved');
    await solvedRow.locator('[data-testid="status-mark"][data-status="solved"]').waitFor();

    assert.deepEqual(errors, [], 'no uncaught errors in the page');
  } finally {
    await context.close();
  }
});
