/**
 * @module The signed-in account: restored from the cookie at load, set by signing in, cleared by
 * signing out or when the server answers 401 (the session ended elsewhere or expired).
 */
import type { Session } from '../../../src/contract/accounts.ts';
import { api, setCsrfToken } from './api.ts';
import { createStore } from './createStore.ts';
import { toAppError, type AppError } from './errors.ts';
import { setUnauthorizedHandler } from '../data/queryClient.ts';
import { resetAccountStores } from './accountScope.ts';

export type Auth =
  | { status: 'restoring' }
  | { status: 'signedOut'; reason: 'none' | 'expired' | 'signedOut' }
  | { status: 'signedIn'; session: Session };

/** Problems with the form itself, found before asking the server. */
export type SignInFieldProblem = 'emailRequired' | 'emailInvalid' | 'passwordRequired';

export interface SessionState {
  auth: Auth;
  signIn: {
    pending: boolean;
    error: AppError | null;
    fields: { email?: SignInFieldProblem; password?: SignInFieldProblem };
  };
  signOut: { pending: boolean; error: AppError | null };
}

const idleSignIn: SessionState['signIn'] = { pending: false, error: null, fields: {} };
const idleSignOut: SessionState['signOut'] = { pending: false, error: null };

export const sessionStore = createStore<SessionState>({
  auth: { status: 'restoring' },
  signIn: idleSignIn,
  signOut: idleSignOut,
});

function setAuth(auth: Auth): void {
  setCsrfToken(auth.status === 'signedIn' ? auth.session.csrfToken : undefined);
  sessionStore.set((s) => ({ ...s, auth }));
}

/**
 * Asks the server whether the cookie still names a session; runs once at load. The status
 * endpoint answers 200 either way, so a newcomer's console shows no failed request.
 */
export async function restoreSession(): Promise<void> {
  try {
    const status = await api.call('getSessionStatus', {});
    setAuth(status.session ? { status: 'signedIn', session: status.session } : { status: 'signedOut', reason: 'none' });
  } catch (err) {
    setAuth({ status: 'signedOut', reason: 'none' });
    sessionStore.set((s) => ({ ...s, signIn: { ...idleSignIn, error: toAppError(err) } }));
  }
}

// Deliberately loose: the server decides what a valid address is; this only catches typos early.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkSignInForm(email: string, password: string): SessionState['signIn']['fields'] {
  const fields: SessionState['signIn']['fields'] = {};
  const e = email.trim();
  if (e === '') fields.email = 'emailRequired';
  else if (!EMAIL_SHAPE.test(e)) fields.email = 'emailInvalid';
  if (password === '') fields.password = 'passwordRequired';
  return fields;
}

export async function signIn(email: string, password: string): Promise<void> {
  if (sessionStore.get().signIn.pending) return;
  const fields = checkSignInForm(email, password);
  if (fields.email || fields.password) {
    sessionStore.set((s) => ({ ...s, signIn: { pending: false, error: null, fields } }));
    return;
  }
  sessionStore.set((s) => ({ ...s, signIn: { pending: true, error: null, fields: {} } }));
  try {
    const session = await api.call('signIn', { body: { email: email.trim(), password } });
    resetAccountStores();
    setAuth({ status: 'signedIn', session });
    sessionStore.set((s) => ({ ...s, signIn: idleSignIn, signOut: idleSignOut }));
  } catch (err) {
    sessionStore.set((s) => ({ ...s, signIn: { pending: false, error: toAppError(err), fields: {} } }));
  }
}

export async function signOut(): Promise<void> {
  if (sessionStore.get().signOut.pending) return;
  sessionStore.set((s) => ({ ...s, signOut: { pending: true, error: null } }));
  try {
    await api.call('signOut', {});
    endSession('signedOut');
  } catch (err) {
    const error = toAppError(err);
    // 401: the server had already ended it. Otherwise the cookie may still be valid, so the
    // person stays signed in and is told, rather than believing a shared machine is clean.
    if (error.kind === 'unauthorized') endSession('signedOut');
    else sessionStore.set((s) => ({ ...s, signOut: { pending: false, error } }));
  }
}

/** Called by data loaders when the server answers 401: the session is gone. */
export function sessionExpired(): void {
  if (sessionStore.get().auth.status === 'signedIn') endSession('expired');
}

setUnauthorizedHandler(sessionExpired);

function endSession(reason: 'expired' | 'signedOut'): void {
  resetAccountStores();
  setAuth({ status: 'signedOut', reason });
  sessionStore.set((s) => ({ ...s, signIn: idleSignIn, signOut: idleSignOut }));
}
