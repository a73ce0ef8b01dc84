#!/usr/bin/env node
// Lighthouse (performance, accessibility, best practices) on the landing page, the problems page
// and a session page of `tandem serve`, with Lighthouse's own mobile (default) and desktop
// presets, in Debian's Chromium. Prints the scores, FCP, LCP, TBT, CLS and the landing page's
// JavaScript as transferred (plus its gzip and brotli sizes as the server sends them).
// Figures only; targets (docs/benchmarks.md): performance ≥ 95 on all three, landing ≤ 200 KB of
// compressed JavaScript.
//
//   node bench/web/lighthouse.mjs                 # starts its own server (target/release/tandem)
//   node bench/web/lighthouse.mjs --runs 3        # median of 3 Lighthouse runs per page and preset
//   node bench/web/lighthouse.mjs --base http://127.0.0.1:8080   # an already running server
//   node bench/web/lighthouse.mjs --preset desktop --page session --json out.json

import { writeFileSync } from 'node:fs';
import http from 'node:http';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_FLAGS, requireChromium } from './chromium.mjs';
import { machineLine, startServer, median } from '../lib/server.mjs';

const args = process.argv.slice(2);
const value = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(value('runs') ?? 1);
const PRESETS = value('preset') ? [value('preset')] : ['mobile', 'desktop'];
const PAGES = [
  ['landing', '/'],
  ['problems', '/problems'],
  ['session', '/problems/warmer-day-ahead'],
].filter(([name]) => !value('page') || value('page') === name);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

async function audit(chrome, url, preset) {
  const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
  const config = preset === 'desktop' ? desktopConfig : undefined;
  const result = await lighthouse(url, flags, config);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const num = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const score = (id) => (lhr.categories[id]?.score ?? NaN) * 100;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const scripts = requests.filter((r) => r.resourceType === 'Script');
  const failing = (category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1)
      .map((a) => `${a.id} ${a.displayValue ?? ''}`.trim());
  const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  const opportunities = Object.values(lhr.audits)
    .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) >= 50)
    .sort((a, b) => b.details.overallSavingsMs - a.details.overallSavingsMs)
    .slice(0, 3)
    .map((a) => `${a.id} (~${Math.round(a.details.overallSavingsMs)} ms)`);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcp: num('first-contentful-paint'),
    lcp: num('largest-contentful-paint'),
    tbt: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    si: num('speed-index'),
    jsBytes: scripts.reduce((sum, r) => sum + (r.transferSize || 0), 0),
    jsFiles: scripts.map((r) => r.url),
    jsSizes: scripts.map((r) => `${new URL(r.url).pathname} ${((r.transferSize || 0) / 1024).toFixed(1)} KiB`),
    lcpElement: lcpElement ? `${lcpElement.selector ?? ''} ${String(lcpElement.snippet ?? '').slice(0, 80)}`.trim() : null,
    opportunities,
    failing: {
      performance: failing('performance'),
      accessibility: failing('accessibility'),
      'best-practices': failing('best-practices'),
    },
  };
}

/** Bytes on the wire of `urls` for one Accept-Encoding (node:http: nothing is decoded). */
async function encodedBytes(urls, encoding) {
  let total = 0;
  for (const url of urls) {
    total += await new Promise((resolve, reject) => {
      http
        .get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
          let n = 0;
          res.on('data', (chunk) => (n += chunk.length));
          res.on('end', () => resolve(n));
        })
        .on('error', reject);
    });
  }
  return total;
}

const medianOf = (runs, key) => median(runs.map((r) => r[key]));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  console.log(machineLine());
  const given = value('base');
  const server = given ? null : await startServer();
  const base = given ?? server.base;
  const chrome = await chromeLauncher.launch({ chromePath: requireChromium(), chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
  const report = [];
  try {
    console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} on ${base}, ` +
      `${RUNS} run(s) per page and preset (median shown)`);
    for (const preset of PRESETS) {
      console.log(`\n## ${preset} (Lighthouse's ${preset === 'desktop' ? 'desktop' : 'default, mobile'} preset)`);
      console.log('page       perf  a11y  best   FCP ms   LCP ms  TBT ms    CLS   JS transferred');
      for (const [name, path] of PAGES) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await audit(chrome, base + path, preset));
        const row = {
          preset,
          page: name,
          path,
          performance: medianOf(runs, 'performance'),
          accessibility: medianOf(runs, 'accessibility'),
          bestPractices: medianOf(runs, 'bestPractices'),
          fcp: medianOf(runs, 'fcp'),
          lcp: medianOf(runs, 'lcp'),
          tbt: medianOf(runs, 'tbt'),
          cls: medianOf(runs, 'cls'),
          jsBytes: medianOf(runs, 'jsBytes'),
          jsFiles: runs[0].jsFiles,
          failing: runs[0].failing,
          jsSizes: runs[0].jsSizes,
          lcpElement: runs[0].lcpElement,
          opportunities: runs[0].opportunities,
        };
        report.push(row);
        console.log(
          `${name.padEnd(10)} ${String(Math.round(row.performance)).padStart(4)}  ${String(Math.round(row.accessibility)).padStart(4)}  ` +
            `${String(Math.round(row.bestPractices)).padStart(4)}  ${row.fcp.toFixed(0).padStart(7)}  ${row.lcp.toFixed(0).padStart(7)}  ` +
            `${row.tbt.toFixed(0).padStart(6)}  ${row.cls.toFixed(3).padStart(5)}   ${kb(row.jsBytes)} in ${row.jsFiles.length} file(s)`,
        );
        for (const [category, ids] of Object.entries(row.failing)) {
          if (ids.length) console.log(`           below full marks in ${category} (first run): ${ids.join('; ')}`);
        }
        if (row.performance < 95) {
          console.log(`           LCP element: ${row.lcpElement ?? '?'}`);
          if (row.opportunities.length) console.log(`           largest opportunities: ${row.opportunities.join(', ')}`);
          console.log(`           scripts: ${row.jsSizes.join(', ')}`);
        }
      }
    }
    const landing = report.find((r) => r.page === 'landing');
    if (landing) {
      const gzip = await encodedBytes(landing.jsFiles, 'gzip');
      const br = await encodedBytes(landing.jsFiles, 'br');
      const identity = await encodedBytes(landing.jsFiles, 'identity');
      console.log(`\n## Landing page JavaScript (target ≤ 200 KB compressed)`);
      console.log(`as Chromium received it over http (Lighthouse transferSize): ${kb(landing.jsBytes)}; ` +
        `the same ${landing.jsFiles.length} file(s): gzip ${kb(gzip)}, brotli ${kb(br)}, uncompressed ${kb(identity)}`);
      for (const url of landing.jsFiles) console.log(`  ${url.replace(base, '')}`);
    }
    const json = value('json');
    if (json) writeFileSync(json, JSON.stringify(report, null, 2));
  } finally {
    await chrome.kill();
    if (server) await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
