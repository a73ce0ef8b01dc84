import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { OidcProvider } from '../../api/types';
import { oidcErrorMessage } from '../../lib/oidc';

/**
 * "Continue with <provider>" for each configured OpenID Connect provider: plain links, since
 * the sign-in is a round trip through the provider's pages. Also shows why the last attempt
 * failed (`?error=` from the server's redirect).
 */
export function ProviderButtons() {
  const [providers, setProviders] = useState<OidcProvider[]>([]);
  const failure = oidcErrorMessage(window.location.search);

  useEffect(() => {
    const controller = new AbortController();
    api.providers(controller.signal).then(
      (list) => setProviders(Array.isArray(list.providers) ? list.providers : []),
      // Without the list the password form still works; nothing to show.
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  return (
    <>
      {failure !== null && (
        <div className="notice notice--error" role="alert" data-testid="oidc-error">
          <p className="notice__title">Sign-in with the provider failed</p>
          <p>{failure}</p>
        </div>
      )}
      {providers.length > 0 && (
        <div className="auth-providers" data-testid="oidc-providers">
          {providers.map((provider) => (
            <a
              key={provider.id}
              className="button"
              href={api.oidcStartUrl(provider.id)}
              data-testid={`oidc-${provider.id}`}
            >
              Continue with {provider.name}
            </a>
          ))}
          <p className="muted auth-providers__or">or with a username and password:</p>
        </div>
      )}
    </>
  );
}
