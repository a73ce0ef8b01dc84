import { Link } from '../router/Link';
import { AccountMenu } from './AccountMenu';
import type { Route } from '../router/routes';

export function Header({ current }: { current: Route['name'] }) {
  const onProblems = current === 'problems' || current === 'session';
  return (
    <header className="site-header" data-testid="site-header">
      <Link href="/" className="brand" aria-label="Tandem home" data-testid="nav-home">
        <svg className="brand__logo" viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
          <circle cx="12" cy="16" r="6" fill="none" stroke="currentColor" strokeWidth="3" />
          <circle cx="20" cy="16" r="6" fill="none" stroke="var(--ok)" strokeWidth="3" />
        </svg>
        <span>Tandem</span>
      </Link>
      <nav aria-label="Main">
        <ul className="nav-list">
          <li>
            <Link
              href="/problems"
              className={onProblems ? 'active' : undefined}
              aria-current={current === 'problems' ? 'page' : undefined}
              data-testid="nav-problems"
            >
              Problems
            </Link>
          </li>
        </ul>
      </nav>
      <AccountMenu />
    </header>
  );
}
