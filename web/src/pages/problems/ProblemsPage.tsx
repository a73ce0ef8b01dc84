import { useCallback, useEffect, useMemo, useState } from 'react';
import { cachedLanguages, cachedProblems } from '../../api/client';
import type { Language } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { applyFilters, hasActiveFilters, parseFilters, serializeFilters, EMPTY_FILTERS, type Filters } from '../../lib/filters';
import { useAsync } from '../../lib/useAsync';
import { navigate } from '../../router/history';
import { useLocation } from '../../router/useLocation';
import { FilterBar } from './FilterBar';
import { ProblemList } from './ProblemList';
import { ProblemPreview } from './ProblemPreview';
import { TopicChips } from './TopicChips';

export function ProblemsPage() {
  // Statuses change as problems get solved, so the list is fetched fresh on each visit.
  const list = useAsync(() => cachedProblems(true));
  const [languages, setLanguages] = useState<Language[]>([]);
  const { search } = useLocation();
  const filters = useMemo(() => parseFilters(search), [search]);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    cachedLanguages().then(setLanguages, () => {
      // The language filter falls back to the ids found in the problems.
    });
  }, []);

  const setFilters = useCallback((next: Filters) => {
    navigate(`/problems${serializeFilters(next)}`, { replace: true, keepScroll: true });
  }, []);

  const problems = useMemo(() => (list.status === 'ok' ? list.data.problems : []), [list.status, list.data]);
  const visible = useMemo(() => applyFilters(problems, filters), [problems, filters]);
  const topics = list.status === 'ok' ? list.data.topics : [];
  const languageOptions = useMemo(() => {
    if (languages.length > 0) return languages.map((l) => ({ id: l.id, name: l.name }));
    const ids = [...new Set(problems.flatMap((p) => p.languages))].sort();
    return ids.map((id) => ({ id, name: id }));
  }, [languages, problems]);

  const current = visible.find((p) => p.slug === selected) ?? visible[0] ?? null;

  return (
    <div className="page problems-page">
      <h1 className="page-title">Problems</h1>
      <FilterBar filters={filters} onChange={setFilters} topics={topics} languages={languageOptions} />
      <TopicChips
        topics={topics}
        active={filters.topic}
        onToggle={(topic) => setFilters({ ...filters, topic: filters.topic === topic ? '' : topic })}
      />
      {list.status === 'error' ? (
        <ErrorNotice
          error={list.error}
          action={
            <button type="button" className="button" onClick={list.reload}>
              Try again
            </button>
          }
        />
      ) : (
        <>
          <p className="results-count" aria-live="polite" data-testid="problems-count">
            {list.status === 'loading'
              ? 'Loading problems…'
              : `${visible.length} of ${problems.length} problem${problems.length === 1 ? '' : 's'}`}
            {hasActiveFilters(filters) && list.status === 'ok' && (
              <button
                type="button"
                className="link-button"
                onClick={() => setFilters({ ...EMPTY_FILTERS, sort: filters.sort })}
                data-testid="clear-filters"
              >
                Clear filters
              </button>
            )}
          </p>
          <div className="problems-layout">
            <ProblemList
              problems={visible}
              loading={list.status === 'loading'}
              selected={current?.slug ?? null}
              onSelect={setSelected}
              onTopic={(topic) => setFilters({ ...filters, topic })}
            />
            <ProblemPreview
              problem={current}
              onTopic={(topic) => setFilters({ ...filters, topic })}
              languageName={(id) => languageOptions.find((l) => l.id === id)?.name ?? id}
            />
          </div>
        </>
      )}
    </div>
  );
}
