// The three passkey flows the pages use: each is the server's start, the browser's dialog, and
// the server's finish.

import { api } from '../api/client';
import type { Me, PasskeyInfo } from '../api/types';
import { createPasskey, getPasskey } from './webauthn';

export async function signUpWithPasskey(username: string, email?: string): Promise<Me> {
  const start = await api.passkeySignupStart(username, email);
  const credential = await createPasskey(start.public_key);
  return api.passkeySignupFinish(start.ceremony, credential);
}

/** Without a username the browser offers every passkey it holds for this site. */
export async function signInWithPasskey(username?: string): Promise<Me> {
  const start = await api.passkeySigninStart(username);
  const credential = await getPasskey(start.public_key);
  return api.passkeySigninFinish(start.ceremony, credential);
}

export async function addPasskey(name?: string): Promise<PasskeyInfo> {
  const start = await api.addPasskeyStart();
  const credential = await createPasskey(start.public_key);
  return api.addPasskeyFinish(start.ceremony, credential, name);
}
