import { useEffect, useState, type SyntheticEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Me } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { nextPath, passwordProblem, usernameProblem, USERNAME_MAX, PASSWORD_MAX } from '../../lib/account';
import { signinErrorMessage } from '../../lib/magicLink';
import { setMe } from '../../lib/me';
import { signInWithPasskey, signUpWithPasskey } from '../../lib/passkeys';
import { passkeysSupported } from '../../lib/webauthn';
import { navigate } from '../../router/history';
import { Link } from '../../router/Link';
import { ProviderButtons } from './ProviderButtons';
import { MagicLinkForm } from './MagicLinkForm';

type Mode = 'signin' | 'signup';

/**
 * Sign-in and sign-up: one form, two modes. What was done as a guest is kept either way.
 * Where the browser can use passkeys, a passkey is the first way offered and the password the
 * fallback.
 */
export function AuthPage({ mode }: { mode: Mode }) {
  const [canPasskey, setCanPasskey] = useState(passkeysSupported);
  useEffect(() => {
    if (!canPasskey) return;
    const abort = new AbortController();
    // A server whose address browsers refuse passkeys on says so; the password way remains.
    api.authMethods(abort.signal).then(
      (methods) => {
        if (!methods.passkeys) setCanPasskey(false);
      },
      () => undefined,
    );
    return () => abort.abort();
    // Once per page: the server's answer does not change while it runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const signup = mode === 'signup';
  const linkError = signup ? null : signinErrorMessage(window.location.search);

  // Only sign-up checks the rules as you type; sign-in must not hint at which names exist.
  const usernameHint = signup && touched ? usernameProblem(username) : null;
  // The password rules only once the password way is tried: a passkey sign-up needs none.
  const [passwordTried, setPasswordTried] = useState(false);
  const passwordHint = signup && passwordTried ? passwordProblem(password) : null;

  function done(me: Me) {
    setMe(me);
    navigate(nextPath(window.location.search), { replace: true });
  }

  async function withPasskey() {
    setTouched(true);
    if (signup && usernameProblem(username) !== null) return;
    setBusy(true);
    setError(null);
    try {
      done(
        signup
          ? await signUpWithPasskey(username.trim(), email.trim() || undefined)
          : await signInWithPasskey(username.trim() || undefined),
      );
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    setTouched(true);
    setPasswordTried(true);
    if (signup && (usernameProblem(username) !== null || passwordProblem(password) !== null)) return;
    setBusy(true);
    setError(null);
    try {
      const me = signup
        ? await api.signUp(username.trim(), password, email.trim() || undefined)
        : await api.signIn(username.trim(), password);
      done(me);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const title = signup ? 'Create an account' : 'Sign in';
  const retry = error instanceof ApiError && error.retryAfter !== null ? ` (wait ${error.retryAfter} s)` : '';
  return (
    <section className="page narrow auth-page" aria-labelledby="auth-title" data-testid={`${mode}-page`}>
      <h1 id="auth-title" className="page-title">
        {title}
      </h1>
      <p className="muted">
        {signup
          ? 'Your drafts, runs and hints so far stay with you.'
          : 'What you did on this browser as a guest joins your account.'}
      </p>
      <ProviderButtons />
      {linkError !== null && (
        <div className="notice notice--error" role="alert" data-testid="signin-link-error">
          <p>{linkError}</p>
        </div>
      )}
      <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate data-testid={`${mode}-form`}>
        <div className="field">
          <label htmlFor="auth-username">Username</label>
          <input
            id="auth-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={USERNAME_MAX + 8}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={usernameHint !== null}
            aria-describedby={usernameHint !== null ? 'auth-username-hint' : undefined}
            data-testid="auth-username"
          />
          {usernameHint !== null && (
            <p id="auth-username-hint" className="field__hint bad">
              {usernameHint}
            </p>
          )}
        </div>
        {signup && (
          <div className="field">
            <label htmlFor="auth-email">Email (optional)</label>
            <input
              id="auth-email"
              name="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="auth-email"
            />
          </div>
        )}
        {canPasskey ? (
          <div className="passkey-choice">
            <p className="actions">
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void withPasskey()}
                data-testid={signup ? 'passkey-signup' : 'passkey-signin'}
              >
                {signup ? 'Sign up with a passkey' : 'Sign in with a passkey'}
              </button>
            </p>
            <p className="muted" data-testid="passkey-help">
              {signup
                ? 'A passkey lives on this device (or your phone or password manager): no password to remember.'
                : 'Leave the username empty and your browser offers the passkeys it holds for Tandem.'}
            </p>
            <p className="muted auth-or">or with a password</p>
          </div>
        ) : (
          <p className="muted" data-testid="passkey-unsupported">
            This browser cannot use passkeys here, so use a password.
          </p>
        )}
        <div className="field">
          <label htmlFor="auth-password">Password</label>
          <input
            id="auth-password"
            name="password"
            type="password"
            autoComplete={signup ? 'new-password' : 'current-password'}
            required
            maxLength={PASSWORD_MAX}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={passwordHint !== null}
            aria-describedby={passwordHint !== null ? 'auth-password-hint' : undefined}
            data-testid="auth-password"
          />
          {passwordHint !== null && (
            <p id="auth-password-hint" className="field__hint bad">
              {passwordHint}
            </p>
          )}
        </div>
        {error !== null && <ErrorNotice error={error} title={`${title} failed${retry}`} />}
        <p className="actions">
          <button
            type="submit"
            className={canPasskey ? 'button' : 'button button--primary'}
            disabled={busy}
            data-testid="auth-submit"
          >
            {busy ? 'Please wait…' : canPasskey ? `${title} with a password` : title}
          </button>
          {signup ? (
            <Link href="/signin" data-testid="auth-switch">
              I have an account
            </Link>
          ) : (
            <Link href="/signup" data-testid="auth-switch">
              Create an account
            </Link>
          )}
        </p>
      </form>
      {!signup && <MagicLinkForm />}
    </section>
  );
}
