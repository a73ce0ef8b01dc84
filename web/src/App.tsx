import { lazy, Suspense, useEffect } from 'react';
import { Header } from './components/Header';
import { Landing } from './pages/Landing';
import { NotFound } from './pages/NotFound';
import { ProblemsPage } from './pages/problems/ProblemsPage';
import { AccountPage } from './pages/account/AccountPage';
import { AdminPage } from './pages/admin/AdminPage';
import { AuthPage } from './pages/auth/AuthPage';
import { MagicLinkPage } from './pages/auth/MagicLinkPage';
import { loadMe } from './lib/me';
import { matchRoute, type Route } from './router/routes';
import { useLocation } from './router/useLocation';

// The session page (and with it CodeMirror and the markdown renderer) loads only when visited.
const SessionPage = lazy(() => import('./pages/session/SessionPage'));

function titleFor(route: Route): string {
  switch (route.name) {
    case 'landing':
      return 'Tandem — practise coding problems';
    case 'problems':
      return 'Problems · Tandem';
    case 'session':
      return `${route.slug} · Tandem`;
    case 'signin':
      return 'Sign in · Tandem';
    case 'signup':
      return 'Create an account · Tandem';
    case 'magic-link':
      return 'Sign in by email · Tandem';
    case 'account':
      return 'Account · Tandem';
    case 'admin':
      return 'Users · Tandem';
    case 'not-found':
      return 'Page not found · Tandem';
  }
}

export function App() {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  const title = titleFor(route);

  useEffect(() => {
    document.title = title;
  }, [title]);

  useEffect(() => {
    void loadMe();
  }, []);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header current={route.name} />
      <main id="main" tabIndex={-1} className={`main main--${route.name}`}>
        {route.name === 'landing' && <Landing />}
        {route.name === 'problems' && <ProblemsPage />}
        {route.name === 'session' && (
          <Suspense fallback={<p className="page-loading">Loading the editor…</p>}>
            <SessionPage key={route.slug} slug={route.slug} />
          </Suspense>
        )}
        {(route.name === 'signin' || route.name === 'signup') && <AuthPage key={route.name} mode={route.name} />}
        {route.name === 'magic-link' && <MagicLinkPage />}
        {route.name === 'account' && <AccountPage />}
        {route.name === 'admin' && <AdminPage />}
        {route.name === 'not-found' && <NotFound path={route.path} />}
      </main>
    </>
  );
}
