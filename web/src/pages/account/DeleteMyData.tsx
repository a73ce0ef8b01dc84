import { useState, type SyntheticEvent } from 'react';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { deleteConfirmationWord, deleteConfirmed } from '../../lib/account';
import { setMe } from '../../lib/me';
import { navigate } from '../../router/history';

/** Delete my data, enabled only once the confirmation word is typed. */
export function DeleteMyData({ me }: { me: Me }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const word = deleteConfirmationWord(me);

  async function remove(e: SyntheticEvent) {
    e.preventDefault();
    if (!deleteConfirmed(me, typed)) return;
    setBusy(true);
    setError(null);
    try {
      setMe(await api.deleteMe());
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <form className="danger-zone" onSubmit={(e) => void remove(e)} aria-labelledby="delete-title" data-testid="delete-form">
      <h2 id="delete-title">Delete my data</h2>
      <p>
        This deletes {me.kind === 'account' ? 'your account and ' : ''}every draft, run and hint of yours, for good.
        It cannot be undone.
      </p>
      <div className="field">
        <label htmlFor="delete-confirm">
          Type <strong>{word}</strong> to confirm
        </label>
        <input
          id="delete-confirm"
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="delete-confirm"
        />
      </div>
      {error !== null && <ErrorNotice error={error} title="Could not delete your data" />}
      <p className="actions">
        <button
          type="submit"
          className="button button--danger"
          disabled={busy || !deleteConfirmed(me, typed)}
          data-testid="delete-submit"
        >
          Delete everything
        </button>
      </p>
    </form>
  );
}
