import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { tokenFromHash } from '../../lib/magicLink';
import { setMe } from '../../lib/me';
import { navigate } from '../../router/history';
import { Link } from '../../router/Link';

/** Read once per page load, then dropped from the address bar (and so from history). */
function takeToken(): string | null {
  const token = tokenFromHash(window.location.hash);
  if (window.location.hash !== '') {
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }
  return token;
}

/**
 * /signin/magic#token=…: where a mailed sign-in link lands. Signing in takes a click (a POST),
 * so a mail scanner that opens every link cannot use the link up.
 */
export function MagicLinkPage() {
  const [token] = useState(takeToken);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function signIn() {
    if (token === null) return;
    setBusy(true);
    setError(null);
    try {
      setMe(await api.redeemMagicLink(token));
      navigate('/account', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <section className="page narrow auth-page" aria-labelledby="magic-title" data-testid="magic-link-page">
      <h1 id="magic-title" className="page-title">
        Sign in by email
      </h1>
      {token === null ? (
        <p data-testid="magic-link-missing">
          This page needs the link from your sign-in mail. Open the link again, or{' '}
          <Link href="/signin">ask for a new one</Link>.
        </p>
      ) : (
        <>
          <p className="muted">What you did on this browser as a guest joins your account.</p>
          <p className="actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void signIn()}
              data-testid="magic-link-signin"
            >
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          </p>
        </>
      )}
      {error !== null && (
        <ErrorNotice
          error={error}
          title="This sign-in link did not work"
          action={<Link href="/signin">Ask for a new link</Link>}
        />
      )}
    </section>
  );
}
