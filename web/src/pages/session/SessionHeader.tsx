import type { Problem } from '../../api/types';
import { DifficultyBadge } from '../../components/DifficultyBadge';
import type { TimerSnapshot } from '../../lib/timer';
import { TimerView } from './TimerView';

interface Props {
  problem: Problem;
  solved: boolean;
  timer: TimerSnapshot;
  timerBusy: boolean;
  onPause: () => void;
  onResume: () => void;
}

export function SessionHeader({ problem, solved, timer, timerBusy, onPause, onResume }: Props) {
  return (
    <div className="session-bar">
      <div className="session-bar__title">
        <h1 data-testid="problem-title">{problem.title}</h1>
        <DifficultyBadge difficulty={problem.difficulty} />
        <span className="muted">~{problem.time_estimate_minutes} min</span>
        {solved && (
          <span className="solved-tag" data-testid="solved-tag">
            ✓ Solved
          </span>
        )}
      </div>
      <TimerView snapshot={timer} busy={timerBusy} onPause={onPause} onResume={onResume} />
    </div>
  );
}
