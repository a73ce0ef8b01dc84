import { cachedProblems } from '../api/client';
import { DifficultyBadge } from '../components/DifficultyBadge';
import { StatusMark } from '../components/StatusMark';
import { Link } from '../router/Link';
import { problemPath } from '../router/routes';
import { pickFeatured } from '../lib/featured';
import { useAsync } from '../lib/useAsync';

const COUNT = 3;

export function FeaturedProblems() {
  const state = useAsync(() => cachedProblems());
  const featured = state.status === 'ok' ? pickFeatured(state.data.problems) : [];

  return (
    <section className="featured" aria-labelledby="featured-title">
      <h2 id="featured-title">Start with one of these</h2>
      {state.status === 'error' ? (
        <p className="featured__empty">
          Problems could not be loaded right now. <Link href="/problems">Open the problem list</Link> to try again.
        </p>
      ) : (
        <ul className="featured__grid" aria-busy={state.status === 'loading'}>
          {state.status === 'loading'
            ? Array.from({ length: COUNT }, (_, i) => <li key={i} className="card card--placeholder" aria-hidden="true" />)
            : featured.map((p) => (
                <li key={p.slug} className="card" data-testid="featured-problem" data-slug={p.slug}>
                  <Link href={problemPath(p.slug)} className="card__link">
                    <span className="card__title">
                      {p.title} <StatusMark status={p.status} />
                    </span>
                  </Link>
                  <span className="card__meta">
                    <DifficultyBadge difficulty={p.difficulty} />
                    <span>{p.time_estimate_minutes} min</span>
                  </span>
                  <p className="card__summary">{p.summary}</p>
                </li>
              ))}
        </ul>
      )}
    </section>
  );
}
