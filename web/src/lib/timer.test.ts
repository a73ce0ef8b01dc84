import { describe, expect, it } from 'vitest';
import type { Timer } from '../api/types';
import { elapsedMs, formatClock, remainingMs, timerDisplay, type TimerSnapshot } from './timer';

const MIN = 60_000;

function snap(over: Partial<Timer>, receivedAt = 1_000_000): TimerSnapshot {
  return {
    timer: { estimate_ms: 15 * MIN, elapsed_ms: 0, running: true, stopped: false, server_now: 5, ...over },
    receivedAt,
  };
}

describe('elapsed and remaining', () => {
  it('counts from the snapshot while running, using the local receipt time', () => {
    const s = snap({ elapsed_ms: 10_000 });
    expect(elapsedMs(s, 1_000_000)).toBe(10_000);
    expect(elapsedMs(s, 1_004_500)).toBe(14_500);
    expect(remainingMs(s, 1_004_500)).toBe(15 * MIN - 14_500);
  });

  it('never counts backwards when the local clock is behind the snapshot', () => {
    expect(elapsedMs(snap({ elapsed_ms: 10_000 }), 999_000)).toBe(10_000);
  });

  it('stands still when paused or stopped', () => {
    expect(elapsedMs(snap({ elapsed_ms: 7_000, running: false }), 2_000_000)).toBe(7_000);
    expect(elapsedMs(snap({ elapsed_ms: 7_000, stopped: true }), 2_000_000)).toBe(7_000);
  });
});

describe('formatClock', () => {
  it('formats minutes and seconds, and hours when needed', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(59_999)).toBe('00:59');
    expect(formatClock(61_000)).toBe('01:01');
    expect(formatClock(3_600_000 + 5 * MIN + 9_000)).toBe('1:05:09');
    expect(formatClock(-61_000)).toBe('01:01');
  });
});

describe('timerDisplay', () => {
  it('counts down from the estimate, rounding up to whole seconds', () => {
    const d = timerDisplay(snap({ elapsed_ms: 500 }), 1_000_000);
    expect(d.text).toBe('15:00');
    expect(d.state).toBe('counting');
    expect(timerDisplay(snap({ elapsed_ms: 61_000 }), 1_000_000).text).toBe('13:59');
  });

  it('shows overtime as +mm:ss', () => {
    const d = timerDisplay(snap({ elapsed_ms: 15 * MIN }), 1_000_000 + 75_000);
    expect(d.text).toBe('+01:15');
    expect(d.state).toBe('overtime');
    expect(d.label).toMatch(/over the estimate/);
  });

  it('marks a paused timer', () => {
    const d = timerDisplay(snap({ elapsed_ms: 5 * MIN, running: false }), 9_999_999);
    expect(d.text).toBe('10:00');
    expect(d.state).toBe('paused');
    expect(d.label).toMatch(/paused/);
  });

  it('shows the solve time once stopped', () => {
    const d = timerDisplay(snap({ elapsed_ms: 12 * MIN + 34_000, stopped: true, running: false }), 0);
    expect(d.text).toBe('Solved in 12:34');
    expect(d.state).toBe('stopped');
  });
});
