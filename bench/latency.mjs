#!/usr/bin/env node
// Run → first result latency of `tandem serve`, on the fixed function-mode problem
// bench/problems/busiest-window (10 public tests), in Python.
//
//   node bench/latency.mjs                # server side, then the browser if bench/web is installed
//   node bench/latency.mjs --no-browser   # server side only
//   node bench/latency.mjs --runs 30 --browser-runs 20
//
// Targets (docs/benchmarks.md): Run → first result in the browser ≤ 150 ms median; the judge
// alone ≤ 60 ms. Figures only: nothing here asserts a time. Exits 1 when a run is lost or its
// verdict is not accepted (the solution is correct).
//
// 1. `tandem judge` (the whole CLI process, public tests only) on the same solution: the judge
//    alone, without the server.
// 2. Server side, with fetch, one guest, sequentially (3 warm-ups, then --runs): from sending
//    POST /api/runs to its 202, to the `started` event, to the first `test` event and to `done`
//    (the event stream is opened as soon as the 202 arrives); and `started` → `done`, the judge
//    inside the server.
// 3. In Chromium (bench/web/browser-latency.mjs, playwright-core): open the problem's page, press
//    Run, time click → first test row with a result and click → verdict banner, in the page.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TANDEM, machineLine, startServer, Guest, median, percentile, fmt } from './lib/server.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = opt('runs', 30);
const BROWSER_RUNS = opt('browser-runs', 20);
const WARMUPS = 3;
const SLUG = 'busiest-window';
const PROBLEMS = join(ROOT, 'bench/problems');
const SOLUTION = join(PROBLEMS, SLUG, 'solutions/main.py');
const CODE = readFileSync(SOLUTION, 'utf8');

const failures = [];
const line = (label, values) =>
  console.log(`${label.padEnd(44)} median ${fmt(median(values)).padStart(7)} ms   p90 ${fmt(percentile(values, 90)).padStart(7)} ms   ` +
    `min ${fmt(Math.min(...values)).padStart(7)}   max ${fmt(Math.max(...values)).padStart(7)}   (n=${values.length})`);

function judgeAlone() {
  console.log(`## The judge alone: tandem judge --problem bench/problems/${SLUG} solutions/main.py (whole CLI process, 10 public tests)`);
  const times = [];
  for (let i = 0; i < WARMUPS + RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(TANDEM, ['judge', '--problem', join(PROBLEMS, SLUG), SOLUTION], { cwd: ROOT, encoding: 'utf8' });
    const ms = performance.now() - t;
    let verdict = null;
    try {
      verdict = JSON.parse(r.stdout).verdict;
    } catch {
      /* below */
    }
    if (r.status !== 0 || verdict !== 'accepted') {
      failures.push(`tandem judge: exit ${r.status}, verdict ${verdict}: ${r.stderr.slice(0, 300)}`);
      return;
    }
    if (i >= WARMUPS) times.push(ms);
  }
  line('tandem judge (python)', times);
}

async function serverSide(base) {
  console.log(`\n## Server side: POST /api/runs → events (fetch, one guest, sequential, ${WARMUPS} warm-ups + ${RUNS})`);
  const guest = new Guest(base);
  await guest.fetch('/api/me');
  const m = { answer: [], started: [], first: [], done: [], judge: [], srvJudge: [], srvTotal: [], delivery: [] };
  for (let i = 0; i < WARMUPS + RUNS; i++) {
    const t0 = performance.now();
    const answer = await guest.postRun({ problem: SLUG, language: 'python', code: CODE, kind: 'run' });
    const tAnswer = performance.now();
    if (answer.status !== 202) {
      failures.push(`run ${i}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
      continue;
    }
    let tStarted = null;
    let tFirst = null;
    let tests = 0;
    let run;
    try {
      run = await guest.follow(answer.body.id, {
        timeoutMs: 30_000,
        onEvent: (name, _data, at) => {
          if (name === 'started' && tStarted === null) tStarted = at;
          if (name === 'test') {
            tests++;
            if (tFirst === null) tFirst = at;
          }
        },
      });
    } catch (err) {
      failures.push(`run ${i}: lost: ${err.message}`);
      continue;
    }
    const tDone = performance.now();
    if (run.status !== 'done' || run.verdict !== 'accepted' || run.total !== 10 || tests !== 10) {
      failures.push(`run ${i}: ${run.status}/${run.verdict}, ${run.passed}/${run.total} passed, ${tests} test events (expected accepted, 10 of 10)`);
      continue;
    }
    if (i < WARMUPS) continue;
    m.answer.push(tAnswer - t0);
    if (tStarted !== null) {
      m.started.push(tStarted - t0);
      m.judge.push(tDone - tStarted);
    }
    m.first.push(tFirst - t0);
    m.done.push(tDone - t0);
    // The run's own timestamps (server clock, ms): how long the server took, whatever the
    // network added; and when `done` reached us after the server recorded the end.
    if (run.started_at && run.finished_at) {
      m.srvJudge.push(run.finished_at - run.started_at);
      m.srvTotal.push(run.finished_at - run.created_at);
      m.delivery.push(performance.timeOrigin + tDone - run.finished_at);
    }
  }
  line('POST → 202 answer', m.answer);
  line('POST → started event', m.started);
  line('POST → first test event (first result)', m.first);
  line('POST → done event', m.done);
  line('started → done events (judging, as seen here)', m.judge);
  line('server record: started_at → finished_at', m.srvJudge);
  line('server record: created_at → finished_at', m.srvTotal);
  line('server finished_at → done event here', m.delivery);
}

async function browserSide(base) {
  const module = join(ROOT, 'bench/web/browser-latency.mjs');
  if (!existsSync(join(ROOT, 'bench/web/node_modules/playwright-core'))) {
    console.log('\n## Browser: skipped (run `npm ci` in bench/web first)');
    return;
  }
  const { measureBrowser } = await import(module);
  console.log(`\n## Browser: Chromium (headless) on /problems/${SLUG}, press Run (${WARMUPS} warm-ups + ${BROWSER_RUNS})`);
  const result = await measureBrowser({ base, slug: SLUG, code: CODE, runs: BROWSER_RUNS, warmups: WARMUPS });
  if (result.error) {
    failures.push(`browser: ${result.error}`);
    return;
  }
  line('click → first test row with a result', result.first);
  line('click → verdict banner', result.banner);
  if (result.note) console.log(result.note);
}

async function main() {
  if (!existsSync(TANDEM)) throw new Error(`${TANDEM} is missing: cargo build --release -p tandem`);
  console.log(machineLine());
  judgeAlone();
  // One learner pressing Run 56 times in a minute would be rate-limited (30 runs/min by
  // default); this measures latency, so the limits are lifted for it.
  const server = await startServer({
    env: {
      TANDEM_PROBLEMS_DIRS: PROBLEMS,
      TANDEM_RATE_LIMITS_RUNS_PER_USER: '100000',
      TANDEM_RATE_LIMITS_RUNS_PER_IP: '100000',
    },
  });
  try {
    await serverSide(server.base);
    if (!args.includes('--no-browser')) await browserSide(server.base);
  } finally {
    await server.stop({ keep: failures.length > 0 });
  }
  if (failures.length) {
    console.log(`\nFAILURES (${failures.length}):\n  ${failures.slice(0, 20).join('\n  ')}`);
    if (failures.length) console.log(`server log kept: ${server.logPath}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
