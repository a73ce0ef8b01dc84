// 4. Switching languages keeps one draft per language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { editorReady, getCode, launchBrowser, newPage, openSession, setCode, until, waitAttr, waitCode, waitText } from './helpers.mjs';

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

test('each language keeps its own draft; a new language shows its starter', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await openSession(page, server.url, SLUG);
    const problem = await (await page.request.get(`${server.url}/api/problems/${SLUG}`)).json();
    const select = page.getByTestId('language-select');
    assert.equal(await select.inputValue(), 'python');
    const options = await select.locator('option').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(options, problem.languages, 'the select offers the problem’s languages');
    assert.match(await page.getByTestId('language-version').innerText(), /Python 3/);

    const pyDraft = '# my python draft\nclass Solution:\n    def daysUntilWarmer(self, temps):\n        return []\n';
    await setCode(page, pyDraft);

    await select.selectOption('cpp');
    await waitCode(page, problem.starter.cpp);
    await waitText(page.getByTestId('language-version'), /g\+\+/);
    assert.equal(
      await page.locator('[data-testid="code-editor"] .cm-content').getAttribute('aria-label'),
      'Code editor, C++',
    );
    const cppDraft = '// my c++ draft\nclass Solution {};\n';
    await setCode(page, cppDraft);

    await select.selectOption('python');
    await waitCode(page, pyDraft);
    await select.selectOption('cpp');
    await waitCode(page, cppDraft);

    // A third language not touched yet still shows its starter.
    await select.selectOption('java');
    await waitCode(page, problem.starter.java);

    // Everything reaches the server; after a reload the chosen language and drafts are back.
    await select.selectOption('python');
    await waitCode(page, pyDraft);
    await waitAttr(page.getByTestId('save-status'), 'data-state', 'saved');
    const session = await until(
      async () => {
        const s = await (await page.request.get(`${server.url}/api/sessions/${SLUG}`)).json();
        return s.language === 'python' && s.drafts.python?.code === pyDraft && s.drafts.cpp?.code === cppDraft ? s : null;
      },
      { message: 'the server has the language and both drafts' },
    );
    assert.equal(session.drafts.java, undefined, 'an untouched starter is not saved as a draft');

    await select.selectOption('cpp');
    await waitCode(page, cppDraft);
    await until(async () => (await (await page.request.get(`${server.url}/api/sessions/${SLUG}`)).json()).language === 'cpp', {
      message: 'the session language becomes cpp',
    });
    await page.reload();
    await editorReady(page);
    assert.equal(await select.inputValue(), 'cpp');
    assert.equal(await getCode(page), cppDraft);
    await select.selectOption('python');
    await waitCode(page, pyDraft);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
