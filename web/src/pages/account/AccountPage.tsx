import { useState, type SyntheticEvent } from 'react';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BIO_MAX, charCount, DISPLAY_NAME_MAX } from '../../lib/account';
import { setMe, signedOut, useMe } from '../../lib/me';
import { navigate } from '../../router/history';
import { Link } from '../../router/Link';
import { AvatarPicker } from './AvatarPicker';
import { DeleteMyData } from './DeleteMyData';
import { LinkedProviders } from './LinkedProviders';
import { Passkeys } from './Passkeys';
import { PasswordSection } from './PasswordSection';

function Profile({ me }: { me: Me }) {
  const [displayName, setDisplayName] = useState(me.display_name);
  const [bio, setBio] = useState(me.bio);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const tooLong = charCount(displayName) > DISPLAY_NAME_MAX || charCount(bio) > BIO_MAX;

  async function save(e: SyntheticEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      setMe(await api.updateProfile(displayName, bio));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" onSubmit={(e) => void save(e)} aria-labelledby="profile-title" data-testid="profile-form">
      <h2 id="profile-title">Profile</h2>
      <div className="field">
        <label htmlFor="profile-display-name">
          Display name ({charCount(displayName)}/{DISPLAY_NAME_MAX})
        </label>
        <input
          id="profile-display-name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          aria-invalid={charCount(displayName) > DISPLAY_NAME_MAX}
          data-testid="profile-display-name"
        />
      </div>
      <div className="field">
        <label htmlFor="profile-bio">
          Bio ({charCount(bio)}/{BIO_MAX})
        </label>
        <textarea
          id="profile-bio"
          rows={5}
          value={bio}
          onChange={(e) => setBio(e.target.value)}
          aria-invalid={charCount(bio) > BIO_MAX}
          data-testid="profile-bio"
        />
      </div>
      {error !== null && <ErrorNotice error={error} title="Could not save the profile" />}
      <p className="actions">
        <button type="submit" className="button button--primary" disabled={busy || tooLong} data-testid="profile-save">
          Save profile
        </button>
        <span role="status" data-testid="profile-saved">
          {saved ? 'Saved.' : ''}
        </span>
      </p>
    </form>
  );
}

function Sessions() {
  const [error, setError] = useState<unknown>(null);

  async function signOut(everywhere: boolean) {
    setError(null);
    try {
      if (everywhere) await api.signOutEverywhere();
      else await api.signOut();
      void signedOut();
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      <p className="actions">
        <button type="button" className="button" onClick={() => void signOut(false)} data-testid="account-signout">
          Sign out
        </button>
        <button type="button" className="button" onClick={() => void signOut(true)} data-testid="account-signout-all">
          Sign out everywhere
        </button>
      </p>
      {error !== null && <ErrorNotice error={error} title="Could not sign out" />}
    </section>
  );
}

/**
 * /account: profile and avatar, the ways to sign in (passkeys, linked providers, password),
 * export, sign-out, delete my data. Guests see export and delete only.
 */
export function AccountPage() {
  const me = useMe();
  if (me === null) return <p className="page-loading">Loading…</p>;
  const account = me.kind === 'account';
  return (
    <section className="page narrow account-page" aria-labelledby="account-title" data-testid="account-page">
      <h1 id="account-title" className="page-title">
        {account ? `Account · ${me.username ?? ''}` : 'Your guest data'}
      </h1>
      {account ? (
        <>
          <Profile key={me.id} me={me} />
          <AvatarPicker me={me} />
        </>
      ) : (
        <p>
          You are practising as a guest. <Link href="/signup">Create an account</Link> to keep your work across
          browsers, or <Link href="/signin">sign in</Link>.
        </p>
      )}
      {account && <Passkeys />}
      {account && <LinkedProviders />}
      {account && <PasswordSection me={me} />}
      <section aria-labelledby="export-title">
        <h2 id="export-title">Your data</h2>
        <p>Download everything Tandem stores about you — drafts, runs, hints seen — as one JSON file.</p>
        <p className="actions">
          <a className="button" href={api.exportUrl} download="tandem-export.json" data-testid="account-export">
            Export my data
          </a>
        </p>
      </section>
      {account && <Sessions />}
      <DeleteMyData me={me} />
    </section>
  );
}
