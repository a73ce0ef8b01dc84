import { useNow } from '../../lib/useNow';
import { timerDisplay, type TimerSnapshot } from '../../lib/timer';

interface Props {
  snapshot: TimerSnapshot;
  busy: boolean;
  onPause: () => void;
  onResume: () => void;
}

/** Counts down from the estimate (then "+mm:ss"); the server's snapshot is the truth. */
export function TimerView({ snapshot, busy, onPause, onResume }: Props) {
  const { running, stopped } = snapshot.timer;
  // Between ticks `now` may be older than the snapshot; elapsedMs never counts backwards.
  const now = useNow(250, running && !stopped);
  const d = timerDisplay(snapshot, now);
  return (
    <div className={`timer timer--${d.state}`} data-testid="timer" data-state={d.state}>
      <span className="timer__clock" role="timer" aria-label={d.label} data-testid="timer-clock">
        {d.text}
      </span>
      {!stopped &&
        (running ? (
          <button type="button" className="button button--small" onClick={onPause} disabled={busy} data-testid="timer-pause">
            Pause
          </button>
        ) : (
          <button type="button" className="button button--small" onClick={onResume} disabled={busy} data-testid="timer-resume">
            Resume
          </button>
        ))}
    </div>
  );
}
