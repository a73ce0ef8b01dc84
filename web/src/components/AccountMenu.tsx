import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { isAdmin, shownName } from '../lib/account';
import { signedOut, useMe } from '../lib/me';
import { navigate } from '../router/history';
import { Link } from '../router/Link';
import { Avatar } from './Avatar';

/** The header's right side: sign-in/up links for guests, a menu for accounts. */
export function AccountMenu() {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    function close(e: MouseEvent | KeyboardEvent) {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    }
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  if (me === null) return null;
  if (me.kind !== 'account') {
    return (
      <div className="account-links" data-testid="account-guest">
        <Link href="/signin" className="button button--small" data-testid="nav-signin">
          Sign in
        </Link>
        <Link href="/signup" className="button button--small button--primary" data-testid="nav-signup">
          Sign up
        </Link>
      </div>
    );
  }

  async function signOut() {
    setOpen(false);
    try {
      await api.signOut();
    } finally {
      void signedOut();
      navigate('/');
    }
  }

  return (
    <div className="account-menu" ref={root}>
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls="account-menu-list"
        onClick={() => setOpen(!open)}
        data-testid="account-menu"
      >
        <Avatar me={me} />
        {shownName(me)}
      </button>
      {open && (
        <ul id="account-menu-list" className="account-menu__list" data-testid="account-menu-list">
          <li className="muted">@{me.username}</li>
          <li>
            <Link href="/account" onClick={() => setOpen(false)} data-testid="nav-account">
              Account
            </Link>
          </li>
          {isAdmin(me) && (
            <li>
              <Link href="/admin" onClick={() => setOpen(false)} data-testid="nav-admin">
                Admin
              </Link>
            </li>
          )}
          <li>
            <button type="button" className="link-button" onClick={() => void signOut()} data-testid="nav-signout">
              Sign out
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
