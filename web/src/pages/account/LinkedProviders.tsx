import { useState } from 'react';
import { api } from '../../api/client';
import type { LinkedIdentity, OidcProvider } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { oidcErrorMessage } from '../../lib/oidc';
import { useAsync } from '../../lib/useAsync';

interface Lists {
  providers: OidcProvider[];
  identities: LinkedIdentity[];
}

/**
 * The account's sign-in providers: each configured provider as linked (with Unlink) or not
 * (with Link, a round trip through the provider). Providers linked but no longer configured
 * are listed too, so they can be unlinked.
 */
export function LinkedProviders() {
  const state = useAsync(loadLists);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const params = new URLSearchParams(window.location.search);
  const failure = oidcErrorMessage(window.location.search);
  const linked = params.get('linked');

  async function unlink(provider: string) {
    setBusy(true);
    setActionError(null);
    try {
      await api.unlinkIdentity(provider);
      state.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }

  if (state.status === 'loading') return null;
  const error = actionError ?? state.error;
  const rows = state.data === null ? [] : rowsOf(state.data);
  if (rows.length === 0 && error === null && failure === null) return null;
  return (
    <section aria-labelledby="providers-title" data-testid="linked-providers">
      <h2 id="providers-title">Sign-in providers</h2>
      {failure !== null && (
        <div className="notice notice--error" role="alert" data-testid="oidc-error">
          <p className="notice__title">Linking the provider failed</p>
          <p>{failure}</p>
        </div>
      )}
      {linked !== null && failure === null && (
        <p role="status" data-testid="oidc-linked">
          Linked. You can now sign in with {rows.find((r) => r.id === linked)?.name ?? linked}.
        </p>
      )}
      <ul className="provider-list">
        {rows.map((row) => (
          <li key={row.id} data-testid={`provider-${row.id}`}>
            <span>
              {row.name}
              {row.identity !== null ? ` — linked${row.identity.email !== null ? ` (${row.identity.email})` : ''}` : ''}
            </span>{' '}
            {row.identity !== null ? (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void unlink(row.id)}
                data-testid={`unlink-${row.id}`}
              >
                Unlink
              </button>
            ) : (
              <a className="button" href={api.oidcStartUrl(row.id, true)} data-testid={`link-${row.id}`}>
                Link
              </a>
            )}
          </li>
        ))}
      </ul>
      {error !== null && <ErrorNotice error={error} title="Could not change the sign-in providers" />}
    </section>
  );
}

async function loadLists(): Promise<Lists> {
  const [providers, identities] = await Promise.all([api.providers(), api.identities()]);
  return { providers: providers.providers, identities: identities.identities };
}

interface Row {
  id: string;
  name: string;
  identity: LinkedIdentity | null;
}

function rowsOf({ providers, identities }: Lists): Row[] {
  const rows: Row[] = providers.map((p) => ({
    id: p.id,
    name: p.name,
    identity: identities.find((i) => i.provider === p.id) ?? null,
  }));
  for (const identity of identities) {
    if (!rows.some((r) => r.id === identity.provider)) {
      rows.push({ id: identity.provider, name: identity.name, identity });
    }
  }
  return rows;
}
