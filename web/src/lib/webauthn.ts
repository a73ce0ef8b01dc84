// Passkeys in the browser: the server's WebAuthn options (JSON, binary fields base64url) turned
// into what navigator.credentials.create/get take, and their answers back into JSON. Written
// here rather than taken from a library: it is a few dozen lines, and the JSON helpers that
// browsers are adding (PublicKeyCredential.parseCreationOptionsFromJSON) are not everywhere yet.

/** Bytes → base64url without padding (RFC 4648 §5), as WebAuthn's JSON forms use. */
export function toBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padded or not; standard base64 is accepted too) → bytes. Throws on junk. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const normal = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal) || normal.replace(/=+$/, '').length % 4 === 1) {
    throw new Error(`not base64url: ${text.slice(0, 16)}`);
  }
  const padded = normal.replace(/=+$/, '') + '==='.slice((normal.replace(/=+$/, '').length + 3) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

interface DescriptorJson {
  id: string;
  type: string;
  transports?: string[];
}

function descriptor(d: DescriptorJson): PublicKeyCredentialDescriptor {
  return {
    id: fromBase64Url(d.id),
    type: 'public-key',
    ...(d.transports ? { transports: d.transports as AuthenticatorTransport[] } : {}),
  };
}

/** The JSON `public_key` of a registration start. */
export interface CreationOptionsJson {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { type: string; alg: number }[];
  timeout?: number;
  excludeCredentials?: DescriptorJson[];
  authenticatorSelection?: AuthenticatorSelectionCriteria;
  attestation?: AttestationConveyancePreference;
  extensions?: Record<string, unknown>;
}

/** The JSON `public_key` of a sign-in start. */
export interface RequestOptionsJson {
  challenge: string;
  rpId?: string;
  timeout?: number;
  allowCredentials?: DescriptorJson[];
  userVerification?: UserVerificationRequirement;
  extensions?: Record<string, unknown>;
}

export function creationOptions(json: CreationOptionsJson): PublicKeyCredentialCreationOptions {
  return {
    challenge: fromBase64Url(json.challenge),
    rp: json.rp,
    user: { id: fromBase64Url(json.user.id), name: json.user.name, displayName: json.user.displayName },
    pubKeyCredParams: json.pubKeyCredParams.map((p) => ({ type: 'public-key', alg: p.alg })),
    ...(json.timeout !== undefined ? { timeout: json.timeout } : {}),
    excludeCredentials: (json.excludeCredentials ?? []).map(descriptor),
    ...(json.authenticatorSelection ? { authenticatorSelection: json.authenticatorSelection } : {}),
    ...(json.attestation ? { attestation: json.attestation } : {}),
    ...(json.extensions ? { extensions: json.extensions } : {}),
  };
}

export function requestOptions(json: RequestOptionsJson): PublicKeyCredentialRequestOptions {
  return {
    challenge: fromBase64Url(json.challenge),
    ...(json.rpId !== undefined ? { rpId: json.rpId } : {}),
    ...(json.timeout !== undefined ? { timeout: json.timeout } : {}),
    allowCredentials: (json.allowCredentials ?? []).map(descriptor),
    ...(json.userVerification ? { userVerification: json.userVerification } : {}),
    ...(json.extensions ? { extensions: json.extensions } : {}),
  };
}

/** The fields of a PublicKeyCredential this file reads (so tests can build one). */
export interface CredentialLike {
  id: string;
  rawId: ArrayBuffer;
  type: string;
  response: {
    clientDataJSON: ArrayBuffer;
    attestationObject?: ArrayBuffer;
    authenticatorData?: ArrayBuffer;
    signature?: ArrayBuffer;
    userHandle?: ArrayBuffer | null;
    getTransports?: () => string[];
  };
  getClientExtensionResults?: () => AuthenticationExtensionsClientOutputs;
}

/** A registration answer as JSON for `.../finish`. */
export function registrationJson(credential: CredentialLike) {
  const { response } = credential;
  if (!response.attestationObject) throw new Error('the authenticator answered without an attestation');
  return {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    response: {
      attestationObject: toBase64Url(response.attestationObject),
      clientDataJSON: toBase64Url(response.clientDataJSON),
      ...(response.getTransports ? { transports: response.getTransports() } : {}),
    },
    extensions: credential.getClientExtensionResults?.() ?? {},
  };
}

/** A sign-in answer as JSON for `.../finish`. */
export function assertionJson(credential: CredentialLike) {
  const { response } = credential;
  if (!response.authenticatorData || !response.signature) {
    throw new Error('the authenticator answered without a signature');
  }
  return {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    response: {
      authenticatorData: toBase64Url(response.authenticatorData),
      clientDataJSON: toBase64Url(response.clientDataJSON),
      signature: toBase64Url(response.signature),
      userHandle: response.userHandle ? toBase64Url(response.userHandle) : null,
    },
    extensions: credential.getClientExtensionResults?.() ?? {},
  };
}

/** Whether this browser can use passkeys at all (secure context and the WebAuthn API). */
export function passkeysSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.PublicKeyCredential === 'function' &&
    'credentials' in navigator &&
    typeof navigator.credentials.create === 'function'
  );
}

/** A passkey step the browser refused or could not do, with a message a person can act on. */
export class PasskeyError extends Error {
  readonly reason: 'cancelled' | 'unsupported' | 'exists' | 'insecure' | 'failed';

  constructor(reason: PasskeyError['reason'], message: string) {
    super(message);
    this.name = 'PasskeyError';
    this.reason = reason;
  }
}

/** Turns what navigator.credentials threw into a PasskeyError. */
export function passkeyError(err: unknown): PasskeyError {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'AbortError':
      return new PasskeyError(
        'cancelled',
        'The passkey request was cancelled or timed out. Try again, or use your password.',
      );
    case 'InvalidStateError':
      return new PasskeyError('exists', 'This device already holds a passkey for this account.');
    case 'SecurityError':
      return new PasskeyError(
        'insecure',
        'Passkeys do not work at this address. Open Tandem over https:// or at http://localhost.',
      );
    case 'NotSupportedError':
      return new PasskeyError('unsupported', 'This browser or device cannot make a passkey. Use a password.');
    default:
      return new PasskeyError('failed', 'The passkey could not be used. Try again, or use your password.');
  }
}

function unsupported(): PasskeyError {
  return new PasskeyError('unsupported', 'This browser cannot use passkeys. Use a password instead.');
}

/** Runs navigator.credentials.create with the server's options; the answer as JSON. */
export async function createPasskey(json: CreationOptionsJson) {
  if (!passkeysSupported()) throw unsupported();
  let credential: Credential | null;
  try {
    credential = await navigator.credentials.create({ publicKey: creationOptions(json) });
  } catch (err) {
    throw passkeyError(err);
  }
  if (credential === null) throw passkeyError(new DOMException('no credential', 'NotAllowedError'));
  return registrationJson(credential as unknown as CredentialLike);
}

/** Runs navigator.credentials.get with the server's options; the answer as JSON. */
export async function getPasskey(json: RequestOptionsJson) {
  if (!passkeysSupported()) throw unsupported();
  let credential: Credential | null;
  try {
    credential = await navigator.credentials.get({ publicKey: requestOptions(json) });
  } catch (err) {
    throw passkeyError(err);
  }
  if (credential === null) throw passkeyError(new DOMException('no credential', 'NotAllowedError'));
  return assertionJson(credential as unknown as CredentialLike);
}
