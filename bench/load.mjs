#!/usr/bin/env node
// Load test of `tandem serve`: many guests press Run at the same moment.
//
//   node bench/load.mjs            # 500 guests (needs target/release/tandem)
//   node bench/load.mjs --quick    # 100 guests, for CI
//   node bench/load.mjs --n 300 --burst 20 --budget 300
//
// Starts the release server itself (port 0, temporary database, default queue settings unless
// TANDEM_QUEUE_* are set), then:
//   1. one guest (cookie kept) fires a burst of --burst runs at once: the per-user limit answers
//      429 too_many_runs past `queue.per_user`;
//   2. --n guests sign in at once (GET /api/me without a cookie: a new guest and a new
//      connection each, as when a page loads), then all press Run at the same moment (one POST
//      each, on the connection the page opened): every answer must be 202 or 429 with
//      Retry-After, and every 202 run must reach `done` on its event stream (all streams
//      followed at once);
//   3. every refused guest retries, honoring Retry-After (plus up to 250 ms of jitter), until all
//      --n runs are done or --budget seconds pass.
// Prints figures only (no timed assertions). Exits 1 on a correctness failure: an answer other
// than 202/429, a 429 without Retry-After, a run that never reaches `done`, a run whose final
// status is not done/accepted (the solution is correct), or runs still not done after phase 3.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { ROOT, machineLine, listenOverflows, startServer, Guest, cpuSeconds, memoryKiB, sampleMemory, percentile, fmt, mib, sleep } from './lib/server.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const N = opt('n', quick ? 100 : 500);
const BURST = opt('burst', 20);
const BUDGET_S = opt('budget', quick ? 120 : 300);
const FOLLOW_TIMEOUT_MS = 180_000;

const SLUG = 'warmer-day-ahead';
const CODE = readFileSync(join(ROOT, 'problems', SLUG, 'solutions/main.py'), 'utf8');
const RUN = { problem: SLUG, language: 'python', code: CODE, kind: 'run' };

const failures = [];
const fail = (what) => {
  failures.push(what);
  if (failures.length <= 20) console.log(`  FAILURE: ${what}`);
};

/** Checks one POST answer; returns 'accepted', 'refused' or 'other'. */
function classify(answer, where) {
  if (answer.status === 202 && answer.body && typeof answer.body.id === 'string') return 'accepted';
  if (answer.status === 429) {
    if (!Number.isFinite(answer.retryAfter) || answer.retryAfter < 1) {
      fail(`${where}: 429 without a valid Retry-After (${answer.retryAfter})`);
      return 'other';
    }
    return 'refused';
  }
  fail(`${where}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
  return 'other';
}

/** Follows a run to `done`; records failures; resolves to the time `done` arrived (or null). */
async function finish(guest, id, where) {
  try {
    const run = await guest.follow(id, { timeoutMs: FOLLOW_TIMEOUT_MS });
    const at = performance.now();
    if (!run || run.status !== 'done' || run.verdict !== 'accepted') {
      fail(`${where}: run ${id} ended ${run?.status}/${run?.verdict} (expected done/accepted): ${JSON.stringify(run?.report ?? null).slice(0, 300)}`);
    }
    return at;
  } catch (err) {
    fail(`${where}: run ${id} lost: ${err.message}`);
    return null;
  }
}

const countBy = (items, key) => {
  const out = {};
  for (const item of items) out[key(item)] = (out[key(item)] || 0) + 1;
  return out;
};
const show = (counts) =>
  Object.entries(counts)
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
const errorCode = (a) => (a.status === 202 ? '202' : `${a.status} ${a.body?.error?.code ?? ''}`.trim());

async function main() {
  console.log(machineLine());
  const server = await startServer();
  const { pid, base } = server;
  console.log(`server ${base} (pid ${pid}), ${cpus().length} cores; queue: capacity ${process.env.TANDEM_QUEUE_CAPACITY ?? 64} waiting, ` +
    `${process.env.TANDEM_QUEUE_PER_USER ?? 4} per user, workers ${process.env.TANDEM_QUEUE_WORKERS ?? 'cores'}`);
  const atStart = memoryKiB(pid);
  const sampler = sampleMemory(pid, 25);
  try {
    // Warm-up: one run proves the set-up (Python found, problem loaded) before the load.
    const warm = new Guest(base);
    const first = await warm.postRun(RUN);
    if (classify(first, 'warm-up') !== 'accepted') throw new Error('the warm-up run was not accepted');
    if ((await finish(warm, first.body.id, 'warm-up')) === null) throw new Error('the warm-up run did not finish');

    // 1. Burst from one guest.
    console.log(`\n## Burst: ${BURST} runs at once from one guest (cookie kept)`);
    const one = new Guest(base);
    await one.fetch('/api/me');
    const burst = await Promise.all(Array.from({ length: BURST }, () => one.postRun(RUN)));
    const burstKinds = burst.map((a) => classify(a, 'burst'));
    console.log(`answers: ${show(countBy(burst, errorCode))}; Retry-After given: ${[...new Set(burst.filter((a) => a.status === 429).map((a) => a.retryAfter))].join(', ') || '-'} s`);
    const burstDone = await Promise.all(
      burst.map((a, i) => (burstKinds[i] === 'accepted' ? finish(one, a.body.id, 'burst') : null)),
    );
    console.log(`accepted runs finished: ${burstDone.filter((t) => t !== null).length} of ${burstKinds.filter((k) => k === 'accepted').length}`);

    // 2. N guests at once.
    const before = memoryKiB(pid);
    console.log(`\n## ${N} guests press Run at the same moment (one run each, python, ${SLUG})`);
    const guests = Array.from({ length: N }, () => new Guest(base));
    const overflows0 = listenOverflows();
    const signIn = await Promise.all(
      guests.map(async (guest) => {
        const t = performance.now();
        const r = await guest.fetch('/api/me');
        await r.text();
        if (r.status !== 200 || !guest.cookie) fail(`sign-in: HTTP ${r.status}, cookie ${guest.cookie ? 'set' : 'missing'}`);
        return performance.now() - t;
      }),
    );
    console.log(`sign-in of ${N} new guests at once (GET /api/me, new connections): p50 ${fmt(percentile(signIn, 50))} ms, ` +
      `p95 ${fmt(percentile(signIn, 95))} ms, max ${fmt(Math.max(...signIn))} ms; ` +
      `connections dropped by a full listen queue (kernel ListenOverflows): ${listenOverflows() - overflows0}`);
    const cpu0 = cpuSeconds(pid);
    const client0 = process.cpuUsage();
    const t0 = performance.now();
    const outcomes = await Promise.all(
      guests.map(async (guest, i) => {
        const answer = await guest.postRun(RUN);
        const kind = classify(answer, `guest ${i}`);
        const doneAt = kind === 'accepted' ? await finish(guest, answer.body.id, `guest ${i}`) : null;
        return { guest, answer, kind, doneAt };
      }),
    );
    const accepted = outcomes.filter((o) => o.kind === 'accepted');
    const refused = outcomes.filter((o) => o.kind === 'refused');
    const finished = accepted.filter((o) => o.doneAt !== null);
    const lost = accepted.length - finished.length;
    const lastDone = Math.max(...finished.map((o) => o.doneAt));
    const postMs = outcomes.map((o) => o.answer.ms);
    const acceptedSpan = (lastDone - t0) / 1000;
    console.log(`answers: ${show(countBy(outcomes.map((o) => o.answer), errorCode))}; other statuses: ${outcomes.filter((o) => o.kind === 'other').length}`);
    console.log(`POST /api/runs answer: p50 ${fmt(percentile(postMs, 50))} ms, p95 ${fmt(percentile(postMs, 95))} ms, max ${fmt(Math.max(...postMs))} ms`);
    console.log(`accepted runs done: ${finished.length} of ${accepted.length} (lost or never finished: ${lost}); ` +
      `all done ${fmt(acceptedSpan, 2)} s after the first POST, ${fmt(finished.length / acceptedSpan)} runs/s`);
    const cpu1 = cpuSeconds(pid);
    const client1 = process.cpuUsage(client0);
    console.log(`CPU over that span: server ${fmt(cpu1.own - cpu0.own, 2)} s, judge boxes ${fmt(cpu1.children - cpu0.children, 2)} s, ` +
      `this client ${fmt((client1.user + client1.system) / 1e6, 2)} s (of ${fmt(acceptedSpan * cpus().length, 2)} core-seconds)`);
    const retryAfters = refused.map((o) => o.answer.retryAfter);
    if (retryAfters.length) console.log(`Retry-After on the ${refused.length} refusals: min ${Math.min(...retryAfters)} s, max ${Math.max(...retryAfters)} s`);

    // 3. The refused guests retry, honoring Retry-After.
    console.log(`\n## The ${refused.length} refused guests retry, honoring Retry-After (budget ${BUDGET_S} s)`);
    const t2 = performance.now();
    const deadline = t2 + BUDGET_S * 1000;
    let attempts = 0;
    const retried = await Promise.all(
      refused.map(async (o, i) => {
        let wait = o.answer.retryAfter;
        for (;;) {
          const at = performance.now() + wait * 1000 + Math.random() * 250;
          if (at > deadline) return null;
          await sleep(at - performance.now());
          attempts++;
          const answer = await o.guest.postRun(RUN);
          const kind = classify(answer, `retry ${i}`);
          if (kind === 'accepted') return finish(o.guest, answer.body.id, `retry ${i}`);
          if (kind !== 'refused') return null;
          wait = answer.retryAfter;
        }
      }),
    );
    const retriedDone = retried.filter((t) => t !== null);
    const allDone = finished.length + retriedDone.length;
    const phase2 = retriedDone.length ? (Math.max(...retriedDone) - t2) / 1000 : 0;
    console.log(`retries: ${attempts} POSTs; done after retrying: ${retriedDone.length} of ${refused.length}`);
    console.log(`all ${N}: ${allDone} done (${N - allDone} never done); the retries took ${fmt(phase2, 2)} s, ` +
      `${fmt((Math.max(lastDone, ...retriedDone) - t0) / 1000, 2)} s from the first POST`);
    if (allDone !== N) fail(`${N - allDone} of ${N} runs never completed within the budget`);

    await sleep(1000);
    const peak = sampler.stop();
    const after = memoryKiB(pid);
    console.log(`\n## Server memory (VmRSS of the tandem process; judge boxes are separate processes)`);
    console.log(`at start ${mib(atStart.rss)}, before the ${N} ${mib(before.rss)}, peak ${mib(Math.max(peak.rss, peak.hwm))} ` +
      `(VmHWM ${mib(peak.hwm)}, highest VmRSS sampled ${mib(peak.rss)}), after ${mib(after.rss)}; threads at most ${peak.threads}`);
  } finally {
    sampler.stop();
    await server.stop({ keep: failures.length > 0 });
    if (failures.length) console.log(`server log kept: ${server.logPath}`);
  }
  if (failures.length) {
    console.log(`\nCORRECTNESS FAILURES: ${failures.length}`);
    process.exit(1);
  }
  console.log('\ncorrectness: every answer 202 or 429 with Retry-After, every accepted run done and accepted, none lost');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
