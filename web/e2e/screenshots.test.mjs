// 9. Screenshots of the landing, problems and session pages (with a result) at desktop and phone
//    sizes, saved in e2e/screenshots/ for a look; plus layout checks that need no eyes.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer, WEB_DIR } from './server.mjs';
import { DESKTOP, launchBrowser, newPage, openSession, PHONE, runAndWait, setCode, WRONG_PY } from './helpers.mjs';

const SLUG = 'warmer-day-ahead';
const OUT = join(WEB_DIR, 'e2e', 'screenshots');
let server;
let browser;

before(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Elements wider than the viewport or sticking out of it (which make a phone page scroll sideways). */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 1 || r.left < -1) {
        // Only report the outermost offender, and skip content inside a scrolling box.
        let p = el.parentElement;
        let inScroller = false;
        while (p !== null && p !== document.body) {
          const s = getComputedStyle(p);
          if (/(auto|scroll|hidden|clip)/.test(s.overflowX)) inScroller = true;
          p = p.parentElement;
        }
        const s = getComputedStyle(el);
        if (s.position === 'absolute' && (el.className === 'visually-hidden' || el.className === 'skip-link')) continue;
        if (!inScroller) out.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, offenders: out.slice(0, 10) };
  });
}

for (const [device, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
]) {
  test(`screenshots at ${device} size (${viewport.width}×${viewport.height})`, { timeout: 90_000 }, async () => {
    const { context, page, errors } = await newPage(browser, { viewport });
    const outside = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    try {
      const layout = {};
      await page.goto(`${server.url}/`);
      await page.getByTestId('featured-problem').first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      layout.landing = await overflow(page);
      await page.screenshot({ path: join(OUT, `${device}-landing.png`), fullPage: true });

      await page.goto(`${server.url}/problems`);
      await page.getByTestId('problem-row').first().waitFor();
      layout.problems = await overflow(page);
      const preview = await page.getByTestId('problem-preview').isVisible();
      assert.equal(preview, device === 'desktop', 'the preview panel shows on desktop only (hidden below 800 px)');
      await page.screenshot({ path: join(OUT, `${device}-problems.png`), fullPage: true });

      await openSession(page, server.url, SLUG);
      await setCode(page, WRONG_PY);
      assert.equal(await runAndWait(page, 'run-button'), 'wrong_answer');
      await page.getByTestId('diff-view').waitFor();
      await page.evaluate(() => document.activeElement?.blur());
      layout.session = await overflow(page);
      assert.equal(await page.getByTestId('split-divider').count(), device === 'desktop' ? 1 : 0);
      await page.screenshot({ path: join(OUT, `${device}-session.png`), fullPage: true });
      await page.getByTestId('verdict-banner').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(OUT, `${device}-session-result.png`) });

      // Nothing wider than the screen: the page never scrolls sideways.
      for (const [name, l] of Object.entries(layout)) {
        assert.ok(l.scrollWidth <= l.width, `${name} scrolls sideways on ${device}: ${l.scrollWidth} > ${l.width}; ${l.offenders.join(', ')}`);
      }
      // The toolbar's main buttons are fully on screen.
      for (const id of ['run-button', 'submit-button', 'language-select']) {
        const box = await page.getByTestId(id).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= viewport.width, `${id} is within the ${device} width`);
      }
      assert.deepEqual(outside, [], 'nothing is fetched from another origin');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('desktop: the session page fills the window and does not scroll it, even after a run with a diff', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
  try {
    await openSession(page, server.url, SLUG);
    const height = () => page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: innerHeight }));
    const idle = await height();
    assert.ok(idle.scroll <= idle.view, `before a run the page fits: ${idle.scroll} ≤ ${idle.view}`);
    await setCode(page, WRONG_PY);
    assert.equal(await runAndWait(page, 'run-button'), 'wrong_answer');
    await page.getByTestId('diff-view').waitFor();
    const after = await height();
    // Absolutely positioned elements whose containing block is the page itself: they are not
    // clipped by the scrolling pane they sit in, so they stretch the document.
    const escaping = await page.evaluate(() => {
      const positioned = (e) => {
        for (let p = e.parentElement; p !== null && p !== document.documentElement; p = p.parentElement) {
          if (getComputedStyle(p).position !== 'static') return true;
        }
        return false;
      };
      return [...document.querySelectorAll('body *')]
        .filter((e) => getComputedStyle(e).position === 'absolute' && e.getBoundingClientRect().bottom > innerHeight && !positioned(e))
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent}" at y=${Math.round(e.getBoundingClientRect().top)}`);
    });
    assert.ok(
      after.scroll <= after.view,
      `after a run the window scrolls ${after.scroll - after.view}px into empty space; absolutely positioned elements with no positioned ancestor below the fold: ${escaping.join(', ')}`,
    );
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('phone: problem titles in the list wrap between words, not inside them', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage(browser, { viewport: PHONE });
  try {
    await page.goto(`${server.url}/problems`);
    await page.getByTestId('problem-row').first().waitFor();
    const broken = await page.getByTestId('problem-row').evaluateAll((rows) =>
      rows.flatMap((row) => {
        const link = row.querySelector('a');
        const node = link?.firstChild;
        if (!node || node.nodeType !== Node.TEXT_NODE) return [];
        const out = [];
        // Words may break after a hyphen; anything else split over two lines is broken.
        for (const m of node.textContent.matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(`"${m[0]}" in "${node.textContent}" (title ${Math.round(link.getBoundingClientRect().width)}px wide)`);
        }
        return out;
      }),
    );
    assert.deepEqual(broken, [], 'words split across lines in the phone problem list');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
