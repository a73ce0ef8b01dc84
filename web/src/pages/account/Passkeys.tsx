import { useState, type SyntheticEvent } from 'react';
import { api } from '../../api/client';
import type { PasskeyInfo } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { addPasskey } from '../../lib/passkeys';
import { useAsync } from '../../lib/useAsync';
import { passkeysSupported } from '../../lib/webauthn';

/** The server's limit on a passkey's name. */
export const PASSKEY_NAME_MAX = 64;

function when(ms: number | null): string {
  return ms === null ? 'never' : new Date(ms).toLocaleString();
}

function Row({ passkey, onChanged }: { passkey: PasskeyInfo; onChanged: (error: unknown) => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(passkey.name);
  const [busy, setBusy] = useState(false);

  async function rename(e: SyntheticEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await api.renamePasskey(passkey.id, name);
      setEditing(false);
      onChanged(null);
    } catch (err) {
      onChanged(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    try {
      await api.removePasskey(passkey.id);
      onChanged(null);
    } catch (err) {
      onChanged(err);
      setBusy(false);
    }
  }

  return (
    <li className="passkey" data-testid="passkey-row" data-name={passkey.name}>
      {editing ? (
        <form onSubmit={(e) => void rename(e)} className="passkey__rename">
          <label htmlFor={`passkey-name-${passkey.id}`} className="visually-hidden">
            New name for {passkey.name}
          </label>
          <input
            id={`passkey-name-${passkey.id}`}
            value={name}
            maxLength={PASSKEY_NAME_MAX}
            onChange={(e) => setName(e.target.value)}
            data-testid="passkey-rename-input"
          />
          <button type="submit" className="button" disabled={busy || name.trim() === ''} data-testid="passkey-rename-save">
            Save
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <span className="passkey__about">
            <strong data-testid="passkey-name">{passkey.name}</strong>{' '}
            <span className="muted">
              added {when(passkey.created_at)} · last used {when(passkey.last_used_at)}
            </span>
          </span>
          <button
            type="button"
            className="button"
            onClick={() => setEditing(true)}
            aria-label={`Rename ${passkey.name}`}
            data-testid="passkey-rename"
          >
            Rename
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void remove()}
            aria-label={`Remove ${passkey.name}`}
            data-testid="passkey-remove"
          >
            Remove
          </button>
        </>
      )}
    </li>
  );
}

/** The account's passkeys: listed with their dates, added, renamed and removed. */
export function Passkeys() {
  const state = useAsync(() => api.passkeys());
  const list = state.data;
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [canPasskey] = useState(passkeysSupported);

  async function add(e: SyntheticEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await addPasskey(name.trim() || undefined);
      setName('');
      state.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  /** After a rename or removal: a refusal changed nothing, so the list stays as it is. */
  function changed(err: unknown) {
    setError(err);
    if (err === null) state.reload();
  }

  return (
    <section aria-labelledby="passkeys-title" data-testid="passkeys">
      <h2 id="passkeys-title">Passkeys</h2>
      {state.status === 'error' ? (
        <ErrorNotice error={state.error} title="Could not load your passkeys" />
      ) : list === null ? (
        <p className="muted">Loading…</p>
      ) : list.length === 0 ? (
        <p data-testid="passkeys-empty">No passkeys yet: you sign in with your password.</p>
      ) : (
        <ul className="passkey-list" data-testid="passkey-list">
          {list.map((p) => (
            <Row key={`${p.id}:${p.name}`} passkey={p} onChanged={changed} />
          ))}
        </ul>
      )}
      {canPasskey ? (
        <form className="auth-form" onSubmit={(e) => void add(e)} data-testid="passkey-add-form">
          <div className="field">
            <label htmlFor="passkey-new-name">Name of the new passkey (optional)</label>
            <input
              id="passkey-new-name"
              value={name}
              maxLength={PASSKEY_NAME_MAX}
              placeholder="e.g. Laptop"
              onChange={(e) => setName(e.target.value)}
              data-testid="passkey-new-name"
            />
          </div>
          <p className="actions">
            <button type="submit" className="button button--primary" disabled={busy} data-testid="passkey-add">
              {busy ? 'Waiting for your device…' : 'Add a passkey'}
            </button>
          </p>
        </form>
      ) : (
        <p className="muted" data-testid="passkey-unsupported">
          This browser cannot make passkeys here.
        </p>
      )}
      {error !== null && <ErrorNotice error={error} title="Passkeys" />}
    </section>
  );
}
