// 8. Keyboard: Ctrl+Enter runs and Ctrl+Shift+Enter submits (editor focused or not); every
//    control of the session page reachable by Tab shows a visible focus indicator and has an
//    accessible name.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './server.mjs';
import { getCode, launchBrowser, newPage, openSession, RIGHT_PY, runAndWait, setCode, until, waitAttr, WRONG_PY } from './helpers.mjs';

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

function runKinds(page) {
  const kinds = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/runs') kinds.push(r.postDataJSON().kind);
  });
  return kinds;
}

test('Ctrl+Enter runs and Ctrl+Shift+Enter submits, from the editor or elsewhere', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const kinds = runKinds(page);
    await openSession(page, server.url, SLUG);
    await setCode(page, WRONG_PY); // leaves the editor focused
    assert.equal(await runAndWait(page, () => page.keyboard.press('Control+Enter')), 'wrong_answer');
    assert.deepEqual(kinds, ['run']);
    assert.equal(await getCode(page), WRONG_PY, 'the shortcut does not also insert a line in the editor');
    assert.equal(await page.getByTestId('test-row').count(), 3);

    await setCode(page, RIGHT_PY);
    assert.equal(await runAndWait(page, () => page.keyboard.press('Control+Shift+Enter')), 'accepted');
    assert.deepEqual(kinds, ['run', 'submit']);
    assert.equal(await getCode(page), RIGHT_PY);
    assert.ok((await page.getByTestId('test-row').count()) > 3, 'a submission runs the hidden tests too');

    // With the focus outside the editor (the statement), the shortcuts still work.
    await page.getByTestId('statement').click();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('cm-content')), false);
    assert.equal(await runAndWait(page, () => page.keyboard.press('Control+Enter')), 'accepted');
    assert.equal(await runAndWait(page, () => page.keyboard.press('Control+Shift+Enter')), 'accepted');
    assert.deepEqual(kinds, ['run', 'submit', 'run', 'submit']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** Styles that can show focus, for an element and its nearest ancestors (the editor's frame is 4 up). */
function focusStyles(el) {
  const out = [];
  for (let e = el, depth = 0; e !== null && e !== document.body && depth <= 4; e = e.parentElement, depth++) {
    const s = getComputedStyle(e);
    out.push({
      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && !/rgba\(.*, 0\)$|transparent/.test(s.outlineColor)
        ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`
        : 'none',
      boxShadow: s.boxShadow,
      border: [s.borderTopColor, s.borderRightColor, s.borderBottomColor, s.borderLeftColor, s.borderTopWidth].join(' '),
      background: s.backgroundColor,
      textDecoration: s.textDecorationLine,
    });
  }
  return out;
}

test('every control reachable by Tab has a visible focus indicator and an accessible name', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await openSession(page, server.url, SLUG);
    // Show as many controls as possible: a result with test details, custom input, the solutions panel.
    await setCode(page, WRONG_PY);
    assert.equal(await runAndWait(page, 'run-button'), 'wrong_answer');
    await page.getByTestId('custom-input-toggle').click();
    await page.getByTestId('solutions-toggle').click();
    await page.getByTestId('solutions-reveal').waitFor();

    const cdp = await context.newCDPSession(page);
    async function axOfActive() {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      return { role: nodes[0]?.role?.value ?? '', name: (nodes[0]?.name?.value ?? '').trim() };
    }
    const settle = () =>
      page.evaluate(async () => {
        const els = [];
        for (let e = document.activeElement; e !== null; e = e.parentElement) els.push(e);
        const prev = window.__e2ePrev;
        if (prev) for (let e = prev; e !== null; e = e.parentElement) els.push(e);
        await Promise.all(els.flatMap((e) => e.getAnimations()).map((a) => a.finished.catch(() => undefined)));
      });

    // Start from the first control, reached with the keyboard (programmatic focus after mouse
    // clicks would not count as :focus-visible).
    await page.getByTestId('nav-home').focus();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the skip link comes first');
    const visited = [];
    const problems = [];
    for (let i = 0; i < 80; i++) {
      await settle();
      const info = await page.evaluate(
        ({ i, fn }) => {
          const focusStylesOf = new Function(`return (${fn})`)();
          const el = document.activeElement;
          if (el === null || el === document.body) return null;
          const prev = window.__e2ePrev ?? null;
          const prevInfo = prev === null ? null : { index: prev.__e2eIndex, blurred: focusStylesOf(prev) };
          if (el.__e2eIndex !== undefined) return { again: true, prevInfo };
          el.__e2eIndex = i;
          window.__e2ePrev = el;
          const r = el.getBoundingClientRect();
          return {
            again: false,
            prevInfo,
            describe: `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`,
            onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
            focused: focusStylesOf(el),
            editor: el.classList.contains('cm-content'),
          };
        },
        { i, fn: focusStyles.toString() },
      );
      if (info?.prevInfo) {
        const entry = visited.find((v) => v.index === info.prevInfo.index);
        if (entry) entry.blurred = info.prevInfo.blurred;
      }
      if (info === null || info.again) break;
      const ax = await axOfActive();
      visited.push({ index: i, ...info, ...ax });
      if (info.editor) await page.keyboard.press('Escape'); // CodeMirror: Esc, then Tab leaves the editor
      await page.keyboard.press('Tab');
    }

    // The last element's unfocused look: move the focus away.
    await page.evaluate(() => document.activeElement?.blur());
    await settle();
    const lastBlurred = await page.evaluate((fn) => {
      const prev = window.__e2ePrev;
      return prev ? { index: prev.__e2eIndex, blurred: new Function(`return (${fn})`)()(prev) } : null;
    }, focusStyles.toString());
    const last = visited.find((v) => v.index === lastBlurred?.index);
    if (last) last.blurred ??= lastBlurred.blurred;

    const describe = visited.map((v) => `${v.describe} (${v.role} "${v.name}")`);
    for (const id of ['nav-home', 'nav-problems', 'timer-pause', 'statement-tab', 'hint-button', 'solutions-toggle', 'solutions-reveal', 'split-divider', 'language-select', 'vim-toggle', 'theme-toggle', 'custom-input-toggle', 'custom-input', 'run-button', 'submit-button']) {
      assert.ok(visited.some((v) => v.describe.includes(`[data-testid=${id}]`)), `${id} is reachable by Tab; order: ${describe.join(' → ')}`);
    }
    assert.ok(visited.some((v) => v.editor), 'the editor is reachable by Tab');
    assert.ok(visited.some((v) => v.name.endsWith(': show details')), 'the test rows are reachable by Tab');
    const editorIndex = visited.findIndex((v) => v.editor);
    assert.ok(editorIndex < visited.length - 1, 'Esc then Tab leaves the editor');

    for (const v of visited) {
      if (v.name === '') problems.push(`${v.describe}: no accessible name (role ${v.role})`);
      if (!v.onScreen) problems.push(`${v.describe}: not on screen when focused`);
      if (v.blurred === undefined) {
        problems.push(`${v.describe}: could not measure it unfocused`);
        continue;
      }
      const shows = v.focused.some((f, depth) => {
        const b = v.blurred[depth];
        if (b === undefined) return false;
        return (
          (f.outline !== 'none' && f.outline !== b.outline) ||
          (f.boxShadow !== 'none' && f.boxShadow !== b.boxShadow) ||
          f.border !== b.border ||
          f.background !== b.background ||
          f.textDecoration !== b.textDecoration
        );
      });
      if (!shows) problems.push(`${v.describe}: no visible focus indicator (${JSON.stringify(v.focused[0])})`);
    }
    assert.deepEqual(problems, [], `tab order: ${describe.join(' → ')}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('arrow keys move between the Statement and History tabs', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await openSession(page, server.url, SLUG);
    const statementTab = page.getByTestId('statement-tab');
    const historyTab = page.getByTestId('history-tab');
    assert.equal(await historyTab.getAttribute('tabindex'), '-1', 'one tab stop for the tab list');
    await statementTab.focus();
    await page.keyboard.press('ArrowRight');
    await waitAttr(historyTab, 'aria-selected', 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'history-tab');
    await page.getByTestId('history-empty').waitFor();
    await page.keyboard.press('Home');
    await waitAttr(statementTab, 'aria-selected', 'true');
    await page.getByTestId('statement').waitFor();

    // The divider moves with the arrow keys and reports its value.
    const divider = page.getByTestId('split-divider');
    const before = Number(await divider.getAttribute('aria-valuenow'));
    await divider.focus();
    await page.keyboard.press('ArrowRight');
    await until(async () => Number(await divider.getAttribute('aria-valuenow')) > before, { message: 'divider moves right' });
    await page.keyboard.press('Home');
    await waitAttr(divider, 'aria-valuenow', (v) => Number(v) === 20);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
