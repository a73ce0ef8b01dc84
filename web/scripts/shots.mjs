// Screenshots of each page at desktop and phone widths, for eyeballing layout.
// Usage: node scripts/shots.mjs [baseUrl] [outDir]   (Chromium from /usr/bin/chromium)
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const out = process.argv[3] ?? '/tmp/tandem-shots';
const slug = process.env.SLUG ?? 'atoll-census';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const { mkdirSync } = await import('node:fs');
mkdirSync(out, { recursive: true });

for (const [name, viewport] of Object.entries(sizes)) {
  const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${name}] console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(base)) console.log(`[${name}] OUTSIDE REQUEST ${r.url()}`); });

  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${out}/${name}-landing.png`, fullPage: true });

  await page.goto(`${base}/problems?topic=graphs`, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${out}/${name}-problems.png`, fullPage: name === 'phone' });

  await page.goto(`${base}/problems/${slug}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-testid="code-editor"][data-ready="true"]');
  await page.screenshot({ path: `${out}/${name}-session.png`, fullPage: name === 'phone' });

  if (process.env.RUN !== '0') {
    await page.getByTestId('run-button').click();
    await page.waitForSelector('[data-testid="verdict-banner"]', { timeout: 30000 });
    await page.getByTestId('result-sheet').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/${name}-session-run.png`, fullPage: name === 'phone' });
  }

  await page.goto(`${base}/nowhere`, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${out}/${name}-404.png` });
  await ctx.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
