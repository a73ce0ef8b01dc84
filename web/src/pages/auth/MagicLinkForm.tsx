import { useEffect, useState, type SyntheticEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { emailProblem } from '../../lib/magicLink';

/** "Email me a sign-in link": shown only when the server says magic links are on. */
export function MagicLinkForm() {
  const [enabled, setEnabled] = useState(false);
  const [email, setEmail] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    api.authMethods(abort.signal).then(
      (methods) => setEnabled(methods.magic_link),
      () => setEnabled(false),
    );
    return () => abort.abort();
  }, []);

  if (!enabled) return null;

  async function submit(e: SyntheticEvent) {
    e.preventDefault();
    const problem = emailProblem(email);
    setHint(problem);
    if (problem !== null) return;
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const answer = await api.requestMagicLink(email.trim());
      setSent(`Check your mail: ${answer.message}.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const retry = error instanceof ApiError && error.retryAfter !== null ? ` (wait ${error.retryAfter} s)` : '';
  return (
    <form
      className="auth-form magic-link-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="magic-form-title"
      data-testid="magic-link-form"
    >
      <h2 id="magic-form-title">Or sign in by email</h2>
      <p className="muted">We send a link that signs you in once. No account yet? The link makes one.</p>
      <div className="field">
        <label htmlFor="magic-email">Email</label>
        <input
          id="magic-email"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={hint !== null}
          aria-describedby={hint !== null ? 'magic-email-hint' : undefined}
          data-testid="magic-email"
        />
        {hint !== null && (
          <p id="magic-email-hint" className="field__hint bad">
            {hint}
          </p>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} title={`Could not send the link${retry}`} />}
      <p className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="magic-submit">
          {busy ? 'Sending…' : 'Email me a sign-in link'}
        </button>
      </p>
      {sent !== null && (
        <p role="status" className="notice" data-testid="magic-sent">
          {sent}
        </p>
      )}
    </form>
  );
}
