#!/usr/bin/env node
// Run → first result in the browser: Debian's Chromium (headless) through playwright-core opens
// a problem's session page, and each iteration presses Run and times, inside the page, from the
// click (a capture listener on the document) to the first test row holding a result and to the
// verdict banner (a MutationObserver: the times are when the DOM changed; painting follows
// within a frame). Figures only.
//
// Used by bench/latency.mjs (same server as its server-side figures), or alone:
//   node bench/web/browser-latency.mjs [--runs 20]     # starts its own server

import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, requireChromium } from './chromium.mjs';

/** Arms the in-page timer for the next click on Run; resolves in the page when the verdict shows. */
function armInPage() {
  window.__benchRun = new Promise((resolve) => {
    let t0 = null;
    let first = null;
    let reset = false;
    const sheetPhase = () => document.querySelector('[data-testid=result-sheet]')?.getAttribute('data-phase');
    const check = () => {
      if (t0 === null) return;
      const phase = sheetPhase();
      // The previous run's results stay until the new run starts: wait for that first.
      if (!reset) {
        if (phase && phase !== 'done') reset = true;
        else return;
      }
      const now = performance.now();
      if (first === null && document.querySelector('[data-testid=test-row]:not([data-verdict=pending])')) first = now;
      const banner = document.querySelector('[data-testid=verdict-banner]');
      if (phase === 'done' && banner) {
        observer.disconnect();
        resolve({
          first: first === null ? null : first - t0,
          banner: now - t0,
          verdict: banner.getAttribute('data-verdict'),
          rows: document.querySelectorAll('[data-testid=test-row]').length,
        });
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    document.addEventListener(
      'click',
      (event) => {
        if (event.target instanceof Element && event.target.closest('[data-testid=run-button]')) {
          t0 = performance.now();
          check();
        }
      },
      { capture: true, once: true },
    );
  });
}

/**
 * Opens `${base}/problems/${slug}` with `code` as the Python draft and presses Run
 * `warmups + runs` times. Resolves to { first: [ms], banner: [ms], note } or { error }.
 */
export async function measureBrowser({ base, slug, code, runs = 20, warmups = 3 }) {
  const browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 900 } });
    // The guest's draft and language, through the page's own cookie jar.
    const me = await context.request.get('/api/me');
    if (!me.ok()) return { error: `GET /api/me: HTTP ${me.status()}` };
    const lang = await context.request.put(`/api/sessions/${slug}/language`, { data: { language: 'python' } });
    if (!lang.ok()) return { error: `PUT language: HTTP ${lang.status()}` };
    const draft = await context.request.put(`/api/sessions/${slug}/drafts/python`, {
      data: { code, client_updated_at: Date.now() },
    });
    if (!draft.ok()) return { error: `PUT draft: HTTP ${draft.status()} ${await draft.text()}` };

    const page = await context.newPage();
    const t = performance.now();
    await page.goto(`/problems/${slug}`);
    await page.waitForSelector('[data-testid=code-editor][data-ready=true]', { timeout: 30_000 });
    const loadMs = performance.now() - t;
    const text = await page.locator('[data-testid=code-editor] .cm-content').innerText();
    if (!text.includes('busiestWindow') || !text.includes('visits[i - k]')) {
      return { error: `the editor does not hold the solution draft: ${JSON.stringify(text.slice(0, 200))}` };
    }
    const language = await page.locator('[data-testid=language-select]').inputValue();
    if (language !== 'python') return { error: `the language is ${language}, not python` };

    const first = [];
    const banner = [];
    for (let i = 0; i < warmups + runs; i++) {
      await page.waitForSelector('[data-testid=run-button]:not([disabled])');
      await page.evaluate(armInPage);
      await page.click('[data-testid=run-button]');
      const r = await page.evaluate(() => window.__benchRun);
      if (r.verdict !== 'accepted' || r.rows !== 10 || r.first === null) {
        return { error: `run ${i}: verdict ${r.verdict}, ${r.rows} test rows, first result ${r.first} (expected accepted, 10)` };
      }
      if (i >= warmups) {
        first.push(r.first);
        banner.push(r.banner);
      }
      await page.waitForTimeout(250);
    }
    const version = browser.version();
    return { first, banner, note: `(Chromium ${version}; session page ready with the editor in ${loadMs.toFixed(0)} ms on first load)` };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { ROOT, startServer, median, percentile, fmt } = await import('../lib/server.mjs');
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 20;
  const slug = 'busiest-window';
  const problems = join(ROOT, 'bench/problems');
  const code = readFileSync(join(problems, slug, 'solutions/main.py'), 'utf8');
  const server = await startServer({ env: { TANDEM_PROBLEMS_DIRS: problems } });
  try {
    const r = await measureBrowser({ base: server.base, slug, code, runs });
    if (r.error) {
      console.log(`FAILURE: ${r.error}`);
      process.exitCode = 1;
    } else {
      for (const [label, v] of [['click → first test row with a result', r.first], ['click → verdict banner', r.banner]]) {
        console.log(`${label.padEnd(44)} median ${fmt(median(v)).padStart(7)} ms   p90 ${fmt(percentile(v, 90)).padStart(7)} ms   (n=${v.length})`);
      }
      console.log(r.note);
    }
  } finally {
    await server.stop();
  }
}
