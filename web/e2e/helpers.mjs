// Shared browser helpers for the end-to-end tests (plain node:test + playwright-core).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PROBLEMS_DIR } from './server.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Default wait for UI state; runs get their own, longer one. */
export const UI_TIMEOUT = 15_000;
export const RUN_TIMEOUT = 45_000;

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A fresh context (new guest: no cookie, empty localStorage) and a page in it. Uncaught page
 * errors are collected in `errors` so a test can assert there were none.
 */
export async function newPage(browser, { viewport = DESKTOP, ...options } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, ...options });
  context.setDefaultTimeout(UI_TIMEOUT);
  context.setDefaultNavigationTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Polls `fn` (sync or async) until it returns a truthy value; returns that value. */
export async function until(fn, { timeout = UI_TIMEOUT, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${lastError.message})` : ` (last value: ${JSON.stringify(last)})`;
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${why}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Waits until the element's attribute has the value (or passes the predicate). */
export async function waitAttr(locator, name, expected, { timeout = UI_TIMEOUT } = {}) {
  const ok = typeof expected === 'function' ? expected : (v) => v === expected;
  let value;
  await until(
    async () => {
      value = await locator.getAttribute(name, { timeout: 1_000 });
      return ok(value);
    },
    { timeout, message: `${locator} [${name}] to be ${typeof expected === 'function' ? 'accepted' : JSON.stringify(expected)}` },
  );
  return value;
}

/** Waits until the element's text matches (string = contains, RegExp = test). */
export async function waitText(locator, expected, { timeout = UI_TIMEOUT } = {}) {
  let text;
  await until(
    async () => {
      text = await locator.innerText({ timeout: 1_000 });
      return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    },
    { timeout, message: `${locator} text to match ${expected}` },
  );
  return text;
}

/** Opens `/problems/<slug>` and waits until CodeMirror has loaded. */
export async function openSession(page, baseUrl, slug) {
  await page.goto(`${baseUrl}/problems/${slug}`);
  await editorReady(page);
}

export async function editorReady(page) {
  await page.locator('[data-testid="code-editor"][data-ready="true"] .cm-content').waitFor();
}

/** The editor's document, read from CodeMirror's view (falls back to the rendered lines). */
export function getCode(page) {
  return page.evaluate(() => {
    const content = document.querySelector('[data-testid="code-editor"] .cm-content');
    if (content === null) return null;
    const view = content.cmView?.view ?? content.cmView?.rootView?.view;
    if (view?.state?.doc) return view.state.doc.toString();
    return [...content.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n');
  });
}

/** Waits until the editor shows exactly `code`. */
export async function waitCode(page, code, { timeout = UI_TIMEOUT } = {}) {
  let last;
  await until(
    async () => {
      last = await getCode(page);
      return last === code;
    },
    { timeout, message: `the editor to show ${JSON.stringify(code.slice(0, 60))}…` },
  ).catch((err) => {
    err.message += `\neditor has: ${JSON.stringify(last)}`;
    throw err;
  });
}

/**
 * Replaces the editor's code the way a user would: focus, select all, type (as one text input so
 * auto-indent and bracket closing do not rewrite it). Then checks the editor holds exactly `code`.
 */
export async function setCode(page, code) {
  const content = page.locator('[data-testid="code-editor"] .cm-content');
  await content.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await waitCode(page, code, { timeout: 5_000 });
}

export function testId(page, id) {
  return page.getByTestId(id);
}

/**
 * Starts a run (clicks the button with that test id, or calls `trigger`) and waits for *its*
 * result: the banner of an earlier run is marked first, so it never counts. Returns the new
 * banner's data-verdict (or throws with the sheet's text when the run did not start).
 */
export async function runAndWait(page, trigger = 'run-button', { timeout = RUN_TIMEOUT } = {}) {
  await page.evaluate(() => {
    const old = document.querySelector('[data-testid="verdict-banner"]');
    if (old !== null) old.__e2eStale = true;
  });
  if (typeof trigger === 'string') await page.getByTestId(trigger).click();
  else await trigger();
  await page.waitForFunction(
    () => {
      const sheet = document.querySelector('[data-testid="result-sheet"]');
      if (sheet === null) return false;
      if (sheet.dataset.phase === 'error') return true;
      const banner = document.querySelector('[data-testid="verdict-banner"]');
      return sheet.dataset.phase === 'done' && banner !== null && banner.__e2eStale !== true;
    },
    null,
    { timeout },
  );
  const sheet = page.getByTestId('result-sheet');
  if ((await sheet.getAttribute('data-phase')) === 'error') {
    throw new Error(`the run did not start: ${await sheet.innerText()}`);
  }
  return page.getByTestId('verdict-banner').getAttribute('data-verdict');
}

// ---- problem data from the bank (what must never reach the browser) ----

export function problemDir(slug) {
  return join(PROBLEMS_DIR, slug);
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function readText(path) {
  return readFileSync(path, 'utf8');
}

/** Python for warmer-day-ahead that compares with >= instead of > (wrong on equal days). */
export const WRONG_PY = `from typing import List

class Solution:
    def daysUntilWarmer(self, temps: List[int]) -> List[int]:
        out = []
        for start, t in enumerate(temps):
            k = next((j for j in range(start + 1, len(temps)) if temps[j] >= t), start)
            out.append(k - start)
        return out
`;

/** A correct warmer-day-ahead in Python, written differently from the reference solution. */
export const RIGHT_PY = `from typing import List

class Solution:
    def daysUntilWarmer(self, temps: List[int]) -> List[int]:
        answer = [0 for _ in temps]
        pending = []
        for day, reading in enumerate(temps):
            while pending and temps[pending[-1]] < reading:
                earlier = pending.pop()
                answer[earlier] = day - earlier
            pending.append(day)
        return answer
`;
