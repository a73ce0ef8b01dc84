// A fake OpenID Connect provider for the end-to-end tests, speaking the real protocol on
// 127.0.0.1 with node:http and node:crypto: discovery document, JWKS (an RSA key made at
// start), /authorize (approves at once: 302 back with a code and the state) and /token
// (checks client authentication, the code, the redirect URI and the PKCE verifier against the
// S256 challenge; answers with an RS256 ID token carrying the nonce).
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer } from 'node:http';

const b64url = (buf) => Buffer.from(buf).toString('base64url');

/**
 * Starts the provider on a free port. Resolves to `{ issuer, clientId, clientSecret, tokenCalls,
 * setUser, stop }`. `tokenCalls` records what /token saw (`pkceOk`, `clientOk`, `status`).
 */
export async function startFakeOidc({ clientId = 'tandem-e2e', clientSecret = 'e2e-client-secret' } = {}) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const codes = new Map();
  const tokenCalls = [];
  let user = { sub: 'e2e-user-1', preferred_username: 'grace', email: 'grace@example.org', email_verified: true };
  let issuer = '';

  function json(res, status, body) {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  }

  function idToken(grant, accessToken) {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: 'e2e-key' };
    const claims = {
      iss: issuer,
      sub: grant.user.sub,
      aud: clientId,
      iat: now,
      exp: now + 300,
      nonce: grant.nonce,
      at_hash: b64url(createHash('sha256').update(accessToken).digest().subarray(0, 16)),
      preferred_username: grant.user.preferred_username,
      email: grant.user.email,
      email_verified: grant.user.email_verified,
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${b64url(sign('sha256', Buffer.from(input), privateKey))}`;
  }

  function clientAuthenticated(req, form) {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    if (basic) {
      const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':').map(decodeURIComponent);
      return id === clientId && secret === clientSecret;
    }
    return form.get('client_id') === clientId && form.get('client_secret') === clientSecret;
  }

  async function token(req, res) {
    let body = '';
    for await (const chunk of req) {
      body += chunk;
      if (body.length > 64 * 1024) return json(res, 413, { error: 'invalid_request' });
    }
    const form = new URLSearchParams(body);
    const grant = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const pkceOk = grant !== undefined && b64url(createHash('sha256').update(verifier).digest()) === grant.challenge;
    const clientOk = clientAuthenticated(req, form);
    const call = { pkceOk, clientOk, status: 400 };
    tokenCalls.push(call);
    if (!clientOk) {
      call.status = 401;
      return json(res, 401, { error: 'invalid_client' });
    }
    if (form.get('grant_type') !== 'authorization_code' || !grant || !pkceOk || form.get('redirect_uri') !== grant.redirectUri) {
      return json(res, 400, { error: 'invalid_grant' });
    }
    call.status = 200;
    const accessToken = b64url(randomBytes(24));
    return json(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 3600,
      id_token: idToken(grant, accessToken),
    });
  }

  function authorize(url, res) {
    const q = url.searchParams;
    const scopes = (q.get('scope') ?? '').split(' ');
    const redirectUri = q.get('redirect_uri') ?? '';
    if (
      q.get('response_type') !== 'code' ||
      q.get('client_id') !== clientId ||
      !scopes.includes('openid') ||
      q.get('code_challenge_method') !== 'S256' ||
      (q.get('code_challenge') ?? '').length < 43 ||
      redirectUri === ''
    ) {
      return json(res, 400, { error: 'invalid_request' });
    }
    const code = b64url(randomBytes(24));
    codes.set(code, { redirectUri, nonce: q.get('nonce'), challenge: q.get('code_challenge'), user: { ...user } });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', q.get('state') ?? '');
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (req.method === 'GET' && url.pathname === '/jwks') {
      return json(res, 200, { keys: [{ kty: 'RSA', use: 'sig', alg: 'RS256', kid: 'e2e-key', n: jwk.n, e: jwk.e }] });
    }
    if (req.method === 'GET' && url.pathname === '/authorize') return authorize(url, res);
    if (req.method === 'POST' && url.pathname === '/token') {
      token(req, res).catch(() => json(res, 500, { error: 'server_error' }));
      return undefined;
    }
    return json(res, 404, { error: 'not_found' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${server.address().port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    tokenCalls,
    setUser: (next) => {
      user = next;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
