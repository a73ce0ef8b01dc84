import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyTheme, themePref } from './lib/preferences';
import { prefetchSessionData } from './pages/session/sessionData';
import { matchRoute } from './router/routes';
import './styles/base.css';

applyTheme(themePref.get());

// Opening a problem directly: fetch its data and the session page's code in parallel rather
// than one after the other.
const initial = matchRoute(window.location.pathname);
if (initial.name === 'session') {
  prefetchSessionData(initial.slug);
  void import('./pages/session/SessionPage');
}
themePref.subscribe(() => applyTheme(themePref.get()));

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
