import { describe, expect, it } from 'vitest';
import {
  assertionJson,
  creationOptions,
  fromBase64Url,
  passkeyError,
  registrationJson,
  requestOptions,
  toBase64Url,
  type CredentialLike,
} from './webauthn';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('base64url', () => {
  it('encodes without padding and with the URL alphabet', () => {
    expect(toBase64Url(bytes())).toBe('');
    expect(toBase64Url(bytes(0xfb))).toBe('-w');
    expect(toBase64Url(bytes(0xff, 0xff))).toBe('__8');
    expect(toBase64Url(bytes(1, 2, 3))).toBe('AQID');
    expect(toBase64Url(new TextEncoder().encode('hello?>').buffer)).toBe('aGVsbG8_Pg');
  });

  it('round-trips every byte value and every length', () => {
    for (let length = 0; length < 70; length++) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      expect(Array.from(fromBase64Url(toBase64Url(data)))).toEqual(Array.from(data));
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Array.from(fromBase64Url(toBase64Url(all)))).toEqual(Array.from(all));
  });

  it('accepts padding and the standard alphabet, and refuses junk', () => {
    expect(Array.from(fromBase64Url('-w=='))).toEqual([0xfb]);
    expect(Array.from(fromBase64Url('+w'))).toEqual([0xfb]);
    expect(() => fromBase64Url('a b')).toThrow();
    expect(() => fromBase64Url('abcde')).toThrow();
    expect(() => fromBase64Url('ab$')).toThrow();
  });
});

describe('options from the server', () => {
  it('decodes the challenge, the user id and excluded credentials for create()', () => {
    const options = creationOptions({
      challenge: 'AQID',
      rp: { id: 'localhost', name: 'Tandem' },
      user: { id: 'BAUG', name: 'alice', displayName: 'Alice' },
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      timeout: 300000,
      excludeCredentials: [{ id: '-w', type: 'public-key', transports: ['internal'] }],
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      attestation: 'none',
    });
    expect(Array.from(options.challenge as Uint8Array)).toEqual([1, 2, 3]);
    expect(Array.from(options.user.id as Uint8Array)).toEqual([4, 5, 6]);
    expect(options.user.name).toBe('alice');
    expect(options.rp.id).toBe('localhost');
    expect(options.pubKeyCredParams.map((p) => p.alg)).toEqual([-7, -257]);
    const [excluded] = options.excludeCredentials ?? [];
    expect(Array.from(excluded?.id as Uint8Array)).toEqual([0xfb]);
    expect(excluded?.transports).toEqual(['internal']);
    expect(options.authenticatorSelection?.residentKey).toBe('required');
    expect(options.timeout).toBe(300000);
  });

  it('decodes the challenge and allowed credentials for get(), empty when discoverable', () => {
    const known = requestOptions({
      challenge: '__8',
      rpId: 'localhost',
      allowCredentials: [{ id: 'AQID', type: 'public-key' }],
      userVerification: 'required',
    });
    expect(Array.from(known.challenge as Uint8Array)).toEqual([0xff, 0xff]);
    const [allowed] = known.allowCredentials ?? [];
    expect(Array.from(allowed?.id as Uint8Array)).toEqual([1, 2, 3]);
    expect(known.userVerification).toBe('required');
    const discoverable = requestOptions({ challenge: 'AQID', rpId: 'localhost', allowCredentials: [] });
    expect(discoverable.allowCredentials).toEqual([]);
  });
});

function buffer(...b: number[]): ArrayBuffer {
  return bytes(...b).buffer;
}

describe('answers to the server', () => {
  it('encodes a registration with its attestation and transports', () => {
    const credential: CredentialLike = {
      id: '-w',
      rawId: buffer(0xfb),
      type: 'public-key',
      response: {
        clientDataJSON: new TextEncoder().encode('{"type":"webauthn.create"}').buffer,
        attestationObject: buffer(1, 2, 3),
        getTransports: () => ['internal'],
      },
      getClientExtensionResults: () => ({ credProps: { rk: true } }),
    };
    expect(registrationJson(credential)).toEqual({
      id: '-w',
      rawId: '-w',
      type: 'public-key',
      response: {
        attestationObject: 'AQID',
        clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0',
        transports: ['internal'],
      },
      extensions: { credProps: { rk: true } },
    });
  });

  it('encodes an assertion with its user handle, or null without one', () => {
    const credential: CredentialLike = {
      id: 'AQ',
      rawId: buffer(1),
      type: 'public-key',
      response: {
        clientDataJSON: buffer(2),
        authenticatorData: buffer(3),
        signature: buffer(4),
        userHandle: buffer(5, 6),
      },
    };
    const json = assertionJson(credential);
    expect(json.response).toEqual({
      authenticatorData: 'Aw',
      clientDataJSON: 'Ag',
      signature: 'BA',
      userHandle: 'BQY',
    });
    expect(json.extensions).toEqual({});
    expect(assertionJson({ ...credential, response: { ...credential.response, userHandle: null } }).response.userHandle).toBe(
      null,
    );
    expect(() => assertionJson({ ...credential, response: { clientDataJSON: buffer(2) } })).toThrow();
  });
});

describe('browser refusals', () => {
  it('say what happened and what to do', () => {
    expect(passkeyError(new DOMException('x', 'NotAllowedError')).reason).toBe('cancelled');
    expect(passkeyError(new DOMException('x', 'NotAllowedError')).message).toMatch(/cancelled or timed out/);
    expect(passkeyError(new DOMException('x', 'InvalidStateError')).reason).toBe('exists');
    expect(passkeyError(new DOMException('x', 'SecurityError')).message).toMatch(/localhost/);
    expect(passkeyError(new DOMException('x', 'NotSupportedError')).reason).toBe('unsupported');
    expect(passkeyError(new Error('boom')).reason).toBe('failed');
  });
});
