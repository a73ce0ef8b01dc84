import { useState, type ChangeEvent } from 'react';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AVATAR_TYPES, avatarProblem } from '../../lib/avatar';
import { setMe } from '../../lib/me';

/** Reads a picked file as a data: URL for the preview (the CSP allows data: images, not blob:). */
function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsDataURL(file);
  });
}

/** Choose, preview, upload or remove the account's avatar. */
export function AvatarPicker({ me }: { me: Me }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A new key empties the file input after an upload.
  const [inputKey, setInputKey] = useState(0);

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const picked = e.target.files?.[0] ?? null;
    setError(null);
    setFile(null);
    setPreview(null);
    if (picked === null) return;
    const why = avatarProblem(picked);
    setProblem(why);
    if (why !== null) return;
    setFile(picked);
    try {
      setPreview(await readAsDataUrl(picked));
    } catch {
      setPreview(null);
    }
  }

  async function save() {
    if (file === null) return;
    setBusy(true);
    setError(null);
    try {
      setMe(await api.putAvatar(file));
      setFile(null);
      setPreview(null);
      setInputKey((k) => k + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      setMe(await api.deleteAvatar());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const shown = preview ?? me.avatar_url ?? null;
  return (
    <section aria-labelledby="avatar-title" data-testid="avatar-picker">
      <h2 id="avatar-title">Avatar</h2>
      <div className="avatar-picker">
        {shown !== null ? (
          <img
            className="avatar avatar--large"
            src={shown}
            width={96}
            height={96}
            alt={preview !== null ? 'Preview of the new avatar' : 'Your avatar'}
            data-testid={preview !== null ? 'avatar-preview' : 'avatar-current'}
          />
        ) : (
          <p className="muted" data-testid="avatar-none">
            No avatar yet.
          </p>
        )}
        <div className="field">
          <label htmlFor="avatar-file">Picture (PNG, JPEG, WebP or GIF, up to 2 MiB)</label>
          <input
            key={inputKey}
            id="avatar-file"
            type="file"
            accept={AVATAR_TYPES.join(',')}
            onChange={(e) => void choose(e)}
            aria-invalid={problem !== null}
            aria-describedby={problem !== null ? 'avatar-problem' : undefined}
            data-testid="avatar-file"
          />
          {problem !== null && (
            <p id="avatar-problem" className="field__hint bad" data-testid="avatar-problem">
              {problem}
            </p>
          )}
        </div>
      </div>
      {error !== null && <ErrorNotice error={error} title="Could not change the avatar" />}
      <p className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || file === null}
          onClick={() => void save()}
          data-testid="avatar-upload"
        >
          Upload avatar
        </button>
        {me.avatar_url && (
          <button type="button" className="button" disabled={busy} onClick={() => void remove()} data-testid="avatar-remove">
            Remove avatar
          </button>
        )}
      </p>
    </section>
  );
}
