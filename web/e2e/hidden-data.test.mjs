// 6. Hidden data never reaches the browser: every response of a whole journey (and the rendered
//    pages) is checked for hidden test names, inputs and expected outputs, and for the reference
//    solutions until the learner reveals them.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer } from './server.mjs';
import {
  launchBrowser,
  newPage,
  openSession,
  problemDir,
  readJson,
  readText,
  RIGHT_PY,
  runAndWait,
  setCode,
  until,
  WRONG_PY,
} from './helpers.mjs';

const SLUG = 'warmer-day-ahead';

// ---- what must not leak ----

const hidden = readJson(join(problemDir(SLUG), 'tests', 'hidden.json'));
const visible = readJson(join(problemDir(SLUG), 'tests', 'public.json'));
const publicText = JSON.stringify(visible) + readText(join(problemDir(SLUG), 'statement.md'));
const hiddenNames = hidden.map((t) => t.name);

/** Ways a hidden value could be written: compact JSON, and with spaces after commas. */
function forms(value) {
  const compact = JSON.stringify(value);
  return [compact, compact.replace(/,/g, ', ')];
}

/**
 * Substrings that betray a hidden test's data: each argument, the argument list and the expected
 * output, long enough to be specific (short ones such as "[0]" occur everywhere). Long values are
 * cut to a 64-character window, which is still unique.
 */
const dataProbes = [
  ...new Set(
    hidden
      .flatMap((t) => [...t.args.flatMap(forms), ...forms(t.args), ...forms(t.expected)])
      .filter((s) => s.length >= 14)
      .map((s) => (s.length > 80 ? s.slice(1, 65) : s))
      .filter((s) => !publicText.includes(s)),
  ),
];

const solutionsDir = join(problemDir(SLUG), 'solutions');
const referenceFiles = readdirSync(solutionsDir).filter((f) => statSync(join(solutionsDir, f)).isFile());
let solutionProbes = []; // filled once the starters are known (lines shared with a starter are public)

function buildSolutionProbes(starters) {
  const starterLines = new Set(
    Object.values(starters)
      .flatMap((s) => s.split('\n'))
      .map((l) => l.trim()),
  );
  const probes = new Set();
  for (const f of referenceFiles) {
    for (const raw of readText(join(solutionsDir, f)).split('\n')) {
      const line = raw.trim();
      if (line.length < 16 || starterLines.has(line)) continue;
      if (/^(#include|using |from |import |use )/.test(line)) continue;
      probes.add(line);
    }
  }
  return [...probes];
}

// ---- what the browser received ----

/** Every string inside a JSON value (keys excluded). */
function strings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Parsed JSON of a body: a JSON document, or the data lines of an event stream. */
function jsonValues(body, contentType) {
  if (contentType.includes('application/json')) {
    try {
      return [JSON.parse(body)];
    } catch {
      return [];
    }
  }
  if (contentType.includes('text/event-stream')) {
    return body
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .flatMap((l) => {
        try {
          return [JSON.parse(l.slice(5))];
        } catch {
          return [];
        }
      });
  }
  return [];
}

const nameRe = (name) => new RegExp(`(^|[^A-Za-z0-9_-])${name.replace(/[-]/g, '\\-')}([^A-Za-z0-9_-]|$)`);

/** Where `probes` (substrings) or hidden test names occur in the captured material. */
function findLeaks(captured, { probes = [], names = [] }) {
  const leaks = [];
  for (const c of captured) {
    const texts = [c.body, ...c.strings];
    for (const p of probes) {
      if (texts.some((t) => t.includes(p))) leaks.push(`${c.where}: contains ${JSON.stringify(p.slice(0, 70))}`);
    }
    for (const n of names) {
      const re = nameRe(n);
      // In API data: a string equal to (or naming) a hidden test; in HTML and code: the word itself.
      const hit = c.strings.some((s) => s === n || re.test(s)) || (c.kind !== 'asset' ? re.test(c.body) : c.body.includes(`"${n}"`));
      if (hit) leaks.push(`${c.where}: names hidden test ${JSON.stringify(n)}`);
    }
  }
  return leaks;
}

let server;
let browser;
/** Responses and page snapshots before the solutions were revealed. */
const beforeReveal = [];
/** The reveal's own response. */
const revealResponses = [];
const unreadable = [];

describe('hidden data stays on the server', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const { context, page, errors } = await newPage(browser);
    const pending = [];
    let revealed = false;
    // Event streams: the page closes each one after its `done` event, which can discard the body
    // before Playwright reads it, so their messages are taken from the DevTools protocol instead.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const streamUrls = new Map();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (/\/api\/runs\/[^/]+\/events$/.test(e.request.url)) streamUrls.set(e.requestId, new URL(e.request.url).pathname);
    });
    cdp.on('Network.eventSourceMessageReceived', (e) => {
      const target = revealed ? revealResponses : beforeReveal;
      const path = streamUrls.get(e.requestId) ?? '(unknown stream)';
      target.push({
        where: `event ${e.eventName} of GET ${path}`,
        kind: 'api',
        body: e.data,
        strings: jsonValues(`data: ${e.data}`, 'text/event-stream').flatMap((v) => strings(v)),
        stream: path,
        event: e.eventName,
      });
    });
    page.on('response', (response) => {
      if (response.request().resourceType() === 'eventsource') return;
      const url = new URL(response.url());
      const contentType = response.headers()['content-type'] ?? '';
      const target = revealed ? revealResponses : beforeReveal;
      const where = `${response.request().method()} ${url.pathname}${url.search} (${response.status()})`;
      pending.push(
        response.body().then(
          (buf) => {
            const body = buf.toString('utf8');
            target.push({
              where,
              kind: url.pathname.startsWith('/api/') || url.pathname === '/healthz' ? 'api' : contentType.includes('html') ? 'html' : 'asset',
              body,
              strings: jsonValues(body, contentType).flatMap((v) => strings(v)),
            });
          },
          (err) => {
            if (response.status() < 300 || response.status() >= 400) unreadable.push(`${where}: ${err.message}`);
          },
        ),
      );
    });
    const snapshot = async (label) => {
      beforeReveal.push({ where: `page HTML ${label}`, kind: 'html', body: await page.content(), strings: [] });
    };

    try {
      const base = server.url;
      await page.goto(`${base}/`);
      await page.getByTestId('featured-problem').first().waitFor();
      await snapshot('landing');
      await page.getByTestId('cta-browse').click();
      await page.getByTestId('problem-row').first().waitFor();
      await page.getByTestId('search-input').fill('warmer');
      await snapshot('problems');
      await page.locator(`[data-testid="problem-row"][data-slug="${SLUG}"]`).getByRole('link').click();
      await page.locator('[data-testid="code-editor"][data-ready="true"] .cm-content').waitFor();

      // Hints, a wrong run, a wrong submission (hidden tests fail), a custom run, an accepted one.
      for (let i = 0; i < 3; i++) {
        await page.getByTestId('hint-button').click();
        await until(async () => (await page.getByTestId('hint').count()) === i + 1, { message: 'hint shown' });
      }
      await setCode(page, WRONG_PY);
      assert.equal(await runAndWait(page, 'run-button'), 'wrong_answer');
      assert.equal(await runAndWait(page, 'submit-button'), 'wrong_answer');
      assert.ok((await page.locator('[data-testid="test-row"][data-hidden="true"]').count()) > 0);
      await snapshot('after a wrong submission');
      await page.getByTestId('custom-input-toggle').click();
      await page.getByTestId('custom-input').fill('[3, 3, 4, 1]');
      assert.equal(await runAndWait(page, 'run-button'), 'wrong_answer');
      await page.getByTestId('custom-input-toggle').click();
      await setCode(page, RIGHT_PY);
      assert.equal(await runAndWait(page, 'submit-button'), 'accepted');
      await snapshot('after an accepted submission');
      await page.getByTestId('history-tab').click();
      const items = page.getByTestId('history-item');
      await until(async () => (await items.count()) === 3, { message: 'three history items' });
      for (let i = 0; i < 3; i++) {
        await items.nth(i).click();
        await page.getByTestId('history-code').waitFor();
      }
      await snapshot('history');
      // A reload, the solutions panel opened but not confirmed, and the problem list again.
      await page.reload();
      await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor();
      await page.getByTestId('solutions-toggle').click();
      await page.getByTestId('solutions-reveal').click();
      await page.getByTestId('solutions-confirm').waitFor();
      await snapshot('reveal asked, not confirmed');
      await page.getByTestId('nav-problems').click();
      await page.locator(`[data-testid="problem-row"][data-slug="${SLUG}"][data-status="solved"]`).waitFor();
      await Promise.all(pending.splice(0));

      // Now the learner reveals the solutions.
      await openSession(page, base, SLUG);
      await Promise.all(pending.splice(0));
      revealed = true;
      await page.getByTestId('solutions-toggle').click();
      await page.getByTestId('solutions-reveal').click();
      await page.getByTestId('solutions-confirm').click();
      await page.getByTestId('solution-code').first().waitFor();
      await Promise.all(pending.splice(0));
      assert.deepEqual(errors, []);

      const problem = await (await page.request.get(`${base}/api/problems/${SLUG}`)).json();
      solutionProbes = buildSolutionProbes(problem.starter);
    } finally {
      await context.close();
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('captured the whole journey, event streams included', () => {
    assert.deepEqual(unreadable, [], 'every response body could be read');
    const where = beforeReveal.map((c) => c.where);
    for (const path of ['/api/problems', `/api/problems/${SLUG}`, `/api/sessions/${SLUG}`, '/api/runs', `/api/sessions/${SLUG}/submissions`]) {
      assert.ok(where.some((w) => w.includes(` ${path} `) || w.includes(` ${path}?`)), `a response of ${path} was captured`);
    }
    const events = beforeReveal.filter((c) => c.stream !== undefined);
    const streams = new Set(events.map((c) => c.stream));
    assert.ok(streams.size >= 4, `the run event streams were captured (${streams.size})`);
    for (const s of streams) {
      assert.ok(events.some((c) => c.stream === s && c.event === 'done'), `${s} was followed to its done event`);
    }
    assert.ok(events.some((c) => c.event === 'test' && c.body.includes('"hidden":true')), 'hidden tests’ events were captured');
    assert.ok(hiddenNames.length > 0 && dataProbes.length >= 8, `probes: ${dataProbes.length}`);
    assert.ok(solutionProbes.length >= 8, `solution probes: ${solutionProbes.length}`);
    for (const p of solutionProbes) {
      assert.ok(!RIGHT_PY.includes(p) && !WRONG_PY.includes(p), `the learner’s code does not contain ${p}`);
    }
  });

  it('no hidden test input or expected output in any response or page', () => {
    const leaks = findLeaks(beforeReveal, { probes: dataProbes });
    assert.deepEqual(leaks, []);
  });

  it('no reference solution in any response or page before the reveal', () => {
    const leaks = findLeaks(beforeReveal, { probes: solutionProbes });
    assert.deepEqual(leaks, []);
  });

  /** "place: name, name, …" lines, one per place, for a readable failure. */
  function namesByPlace(captured) {
    const byPlace = new Map();
    for (const leak of findLeaks(captured, { names: hiddenNames })) {
      const [, place, name] = /^(.*): names hidden test "(.*)"$/.exec(leak);
      const key = place.replace(/\/api\/runs\/[0-9a-f]+\//, '/api/runs/{id}/');
      byPlace.set(key, new Set([...(byPlace.get(key) ?? []), name]));
    }
    return [...byPlace].map(([place, names]) => `${place}: ${[...names].join(', ')}`);
  }

  it('no hidden test names in any API response or event', () => {
    const leaks = namesByPlace(beforeReveal.filter((c) => c.kind !== 'html'));
    assert.deepEqual(leaks, [], 'the server sends the names of hidden tests');
  });

  it('no hidden test names in the rendered pages', () => {
    const leaks = namesByPlace(beforeReveal.filter((c) => c.kind === 'html'));
    assert.deepEqual(leaks, [], 'the page carries the names of hidden tests');
  });

  it('the reveal does send the reference solutions (the check finds them when they are there)', () => {
    const reveal = revealResponses.filter((c) => c.where.startsWith(`POST /api/sessions/${SLUG}/solutions`));
    assert.equal(reveal.length, 1);
    const found = findLeaks(reveal, { probes: solutionProbes });
    assert.equal(found.length, solutionProbes.length, 'every reference line is in the reveal response');
  });
});
