interface Props {
  topics: string[];
  active: string;
  onToggle: (topic: string) => void;
}

/** Every topic as a toggle chip: click one to filter by it, again to clear. */
export function TopicChips({ topics, active, onToggle }: Props) {
  // The row keeps its height while the topics load, so the list below does not jump.
  return (
    <ul className="chips topic-chips" aria-label="Topics">
      {topics.map((t) => (
        <li key={t}>
          <button
            type="button"
            className="chip"
            aria-pressed={active === t}
            onClick={() => onToggle(t)}
            data-testid="topic-chip"
            data-topic={t}
          >
            {t}
          </button>
        </li>
      ))}
    </ul>
  );
}
