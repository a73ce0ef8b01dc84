import { useState, type SyntheticEvent } from 'react';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PASSWORD_MAX, passwordProblem } from '../../lib/account';
import { setMe } from '../../lib/me';

/**
 * Set a password (an account made with a passkey, a provider or a mailed link has none) or
 * change it (the current one is needed). The server then ends every session of the account and
 * gives this browser a new one, so the page says so.
 */
export function PasswordSection({ me }: { me: Me }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // What the last success did, worded then: `me` changes with it (it has a password now).
  const [done, setDone] = useState<string | null>(null);
  const changing = me.has_password === true;
  const problem = tried ? passwordProblem(next) : null;

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setTried(true);
    setDone(null);
    if (passwordProblem(next) !== null) return;
    setBusy(true);
    setError(null);
    try {
      setMe(await api.setPassword(next, changing ? current : undefined));
      setCurrent('');
      setNext('');
      setTried(false);
      setDone(changing ? 'Password changed; other sessions were signed out.' : 'Password set.');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" onSubmit={(e) => void submit(e)} aria-labelledby="password-title" data-testid="password-form">
      <h2 id="password-title">Password</h2>
      <p className="muted">
        {changing
          ? 'Changing it signs out every other browser and device.'
          : 'Your account has no password: you sign in another way. Add one as a fallback.'}
      </p>
      {changing && (
        <div className="field">
          <label htmlFor="password-current">Current password</label>
          <input
            id="password-current"
            type="password"
            autoComplete="current-password"
            maxLength={PASSWORD_MAX}
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            data-testid="password-current"
          />
        </div>
      )}
      <div className="field">
        <label htmlFor="password-new">{changing ? 'New password' : 'Password'}</label>
        <input
          id="password-new"
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? 'password-new-problem' : undefined}
          data-testid="password-new"
        />
        {problem !== null && (
          <p id="password-new-problem" className="field__hint" role="alert">
            {problem}
          </p>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} title={changing ? 'Could not change the password' : 'Could not set the password'} />}
      {done !== null && (
        <p className="muted" role="status" data-testid="password-done">
          {done}
        </p>
      )}
      <p className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="password-submit">
          {changing ? 'Change password' : 'Set a password'}
        </button>
      </p>
    </form>
  );
}
