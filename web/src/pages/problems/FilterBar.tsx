import type { Difficulty, ProblemStatus, SortKey } from '../../api/types';
import type { Filters } from '../../lib/filters';

interface Props {
  filters: Filters;
  onChange: (next: Filters) => void;
  topics: string[];
  languages: { id: string; name: string }[];
}

export function FilterBar({ filters, onChange, topics, languages }: Props) {
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  return (
    <form className="filter-bar" role="search" aria-label="Filter problems" onSubmit={(e) => e.preventDefault()}>
      <div className="field field--grow">
        <label htmlFor="f-q">Search</label>
        <input
          id="f-q"
          type="search"
          placeholder="Title, topic or words"
          value={filters.q}
          onChange={(e) => set('q', e.target.value)}
          data-testid="search-input"
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor="f-difficulty">Difficulty</label>
        <select
          id="f-difficulty"
          value={filters.difficulty}
          onChange={(e) => set('difficulty', e.target.value as Difficulty | '')}
          data-testid="filter-difficulty"
        >
          <option value="">Any</option>
          <option value="easy">Easy</option>
          <option value="medium">Medium</option>
          <option value="hard">Hard</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-topic">Topic</label>
        <select id="f-topic" value={filters.topic} onChange={(e) => set('topic', e.target.value)} data-testid="filter-topic">
          <option value="">Any</option>
          {topics.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
          {filters.topic !== '' && !topics.includes(filters.topic) && <option value={filters.topic}>{filters.topic}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-status">Status</label>
        <select
          id="f-status"
          value={filters.status}
          onChange={(e) => set('status', e.target.value as ProblemStatus | '')}
          data-testid="filter-status"
        >
          <option value="">Any</option>
          <option value="new">New</option>
          <option value="attempted">Attempted</option>
          <option value="solved">Solved</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-language">Language</label>
        <select
          id="f-language"
          value={filters.language}
          onChange={(e) => set('language', e.target.value)}
          data-testid="filter-language"
        >
          <option value="">Any</option>
          {languages.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
          {filters.language !== '' && !languages.some((l) => l.id === filters.language) && (
            <option value={filters.language}>{filters.language}</option>
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-sort">Sort by</label>
        <select id="f-sort" value={filters.sort} onChange={(e) => set('sort', e.target.value as SortKey)} data-testid="sort-select">
          <option value="difficulty">Difficulty</option>
          <option value="title">Title</option>
          <option value="estimate">Time estimate</option>
        </select>
      </div>
    </form>
  );
}
