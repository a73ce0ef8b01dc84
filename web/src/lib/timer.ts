// Timer arithmetic. The server owns the truth; the client counts locally from a snapshot.

import type { Timer } from '../api/types';

export interface TimerSnapshot {
  timer: Timer;
  /** Local clock (Date.now()) when the snapshot arrived; immune to clock skew with the server. */
  receivedAt: number;
}

/** Elapsed working time at local time `now`. */
export function elapsedMs(s: TimerSnapshot, now: number): number {
  const { timer } = s;
  if (!timer.running || timer.stopped) return timer.elapsed_ms;
  return timer.elapsed_ms + Math.max(0, now - s.receivedAt);
}

/** Time left before the estimate; negative once over it. */
export function remainingMs(s: TimerSnapshot, now: number): number {
  return s.timer.estimate_ms - elapsedMs(s, now);
}

function pad(n: number): string {
  return n.toString().padStart(2, '0');
}

/** "mm:ss", or "h:mm:ss" from an hour on. Rounds partial seconds towards zero. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

export interface TimerDisplay {
  text: string;
  state: 'counting' | 'paused' | 'overtime' | 'stopped';
  label: string;
}

/** What the timer shows: a countdown, "+mm:ss" past the estimate, or "Solved in mm:ss". */
export function timerDisplay(s: TimerSnapshot, now: number): TimerDisplay {
  const { timer } = s;
  if (timer.stopped) {
    const text = `Solved in ${formatClock(elapsedMs(s, now))}`;
    return { text, state: 'stopped', label: text };
  }
  const left = remainingMs(s, now);
  // Counting down shows the seconds still left (ceil), so 00:00 is shown only at the estimate.
  if (left > 0) {
    const text = formatClock(Math.ceil(left / 1000) * 1000);
    const paused = !timer.running;
    return {
      text,
      state: paused ? 'paused' : 'counting',
      label: `${text} left of the estimate${paused ? ' (paused)' : ''}`,
    };
  }
  const text = `+${formatClock(-left)}`;
  return {
    text,
    state: timer.running ? 'overtime' : 'paused',
    label: `${formatClock(-left)} over the estimate${timer.running ? '' : ' (paused)'}`,
  };
}
