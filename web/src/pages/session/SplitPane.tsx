import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { preference, usePreference } from '../../lib/preferences';
import { clampSplit, SPLIT_DEFAULT, SPLIT_MAX, SPLIT_MIN, splitAfterKey, splitFromPointer } from '../../lib/split';
import { useMediaQuery } from '../../lib/useMediaQuery';

const splitPref = preference<number>(
  'tandem:split',
  (raw) => (raw === null ? SPLIT_DEFAULT : clampSplit(Number(raw))),
  (v) => String(Math.round(v)),
);

interface Props {
  left: ReactNode;
  right: ReactNode;
  leftLabel: string;
  rightLabel: string;
}

/** Two panes side by side with a draggable, keyboard-operable divider; stacked below 800px. */
export function SplitPane({ left, right, leftLabel, rightLabel }: Props) {
  const [ratio, setRatio] = usePreference(splitPref);
  const [dragging, setDragging] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const stacked = useMediaQuery('(max-width: 799px)');

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    setDragging(true);
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (!dragging || containerRef.current === null) return;
    const rect = containerRef.current.getBoundingClientRect();
    setRatio(splitFromPointer(e.clientX, rect.left, rect.width));
  }

  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    setDragging(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const next = splitAfterKey(ratio, e.key, e.shiftKey);
    if (next === null) return;
    e.preventDefault();
    setRatio(next);
  }

  return (
    <div
      ref={containerRef}
      className={`split${stacked ? ' split--stacked' : ''}${dragging ? ' split--dragging' : ''}`}
      style={stacked ? undefined : { gridTemplateColumns: `minmax(0, ${ratio}fr) auto minmax(0, ${100 - ratio}fr)` }}
    >
      <section className="split__pane split__pane--left" id="pane-statement" aria-label={leftLabel}>
        {left}
      </section>
      {!stacked && (
        // A focusable separator is an interactive widget in ARIA (it has a value and takes keys).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
        <div
          className="split__divider"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize the statement and editor panes"
          aria-controls="pane-statement"
          aria-valuenow={Math.round(ratio)}
          aria-valuemin={SPLIT_MIN}
          aria-valuemax={SPLIT_MAX}
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={onKeyDown}
          data-testid="split-divider"
        />
      )}
      <section className="split__pane split__pane--right" aria-label={rightLabel}>
        {right}
      </section>
    </div>
  );
}
