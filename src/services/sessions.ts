/**
 * @module Sign-in, sessions and bearer tokens: who is calling.
 *
 * A sign-in attempt, in order: find the account (cheap); take a slot of this process's password
 * gate (full: 429 at once, nothing reserved); reserve the attempt on its throttle keys in one
 * short locked transaction (refused: 429 with the wait); only then run the slow scrypt check.
 * So parallel guesses cannot all be checked, a burst cannot fill the thread pool, and the owner's
 * browser (device cookie) is never locked out by someone else's guesses. Every checked attempt
 * is recorded in sign_in_events (purged after TRUCE_SIGN_IN_EVENT_DAYS).
 */
import type { Deps } from './deps.ts';
import { DUMMY_HASH, verifyPassword } from '../adapters/passwords.ts';
import { hashSecret, newSecret } from '../adapters/secrets.ts';
import {
  findPrincipalByEmail,
  findSessionPrincipal,
  findTokenPrincipal,
  markTokenUsed,
  type PrincipalRow,
} from '../repositories/users.ts';
import { reserveAttempt, settleSuccess } from '../repositories/sign-in-throttle.ts';
import { deleteSessionByTokenHash, insertSession, insertSignInEvent } from '../repositories/sessions.ts';
import { keysFor } from '../domain/accounts/sign-in-throttle.ts';
import { issueDeviceCookie, trustedDeviceNonce } from './device-cookies.ts';
import { tooManyRequests, unauthorized } from './errors.ts';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../domain/policy.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** A token's last-used time is written at most this often (one UPDATE a minute, not one per request). */
const TOKEN_USE_RESOLUTION_MS = 60_000;

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client's address, as the trusted-proxy setting decides it. */
  address: string;
  /** The browser's device cookie, if it sent one. */
  deviceCookie: string | undefined;
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  principal: PrincipalRow;
  actor: Actor;
  /** A fresh device cookie for this browser and account. */
  deviceCookie: string;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Checks credentials; 429 (with Retry-After) when throttled or busy, 401 on any mismatch. */
export async function signIn(deps: Deps, attempt: SignInAttempt): Promise<SignedIn> {
  const { email, password, address } = attempt;
  let now = deps.clock.now();
  const principal = await findPrincipalByEmail(deps.db, email);
  const deviceNonce = await trustedDeviceNonce(deps.db, attempt.deviceCookie, principal?.id, now);
  const keys = keysFor(email, address, deviceNonce);

  const release = await deps.auth.passwordGate.enter();
  if (!release) throw tooManyRequests('the server is checking too many passwords right now; try again in a second', 1);
  // The attempt may have waited for a slot: reserve it at the time it is really made.
  now = deps.clock.now();
  let ok: boolean;
  try {
    const reservation = await reserveAttempt(deps.db, keys, now);
    if (!reservation.ok) {
      deps.logger.info({ event: 'sign_in_throttled', ip: address }, 'sign-in throttled');
      throw tooManyRequests('too many sign-in attempts; wait before trying again', seconds(reservation.retryAfterMs));
    }
    // Verify even for unknown accounts so response time does not reveal which emails exist.
    ok = (await verifyPassword(password, principal?.password_hash ?? DUMMY_HASH)) && !!principal && !principal.disabled;
  } finally {
    release();
  }
  await insertSignInEvent(deps.db, { email, user_id: principal?.id ?? null, ok, ip: address, at: now });
  if (!ok || !principal) {
    deps.logger.info({ event: 'sign_in_failed', ip: address }, 'sign-in failed');
    throw unauthorized('wrong email or password');
  }
  await settleSuccess(deps.db, keys, now);
  const token = newSecret('ts');
  const csrfToken = randomBytes(24).toString('base64url');
  await insertSession(deps.db, {
    token_hash: hashSecret(token),
    user_id: principal.id,
    csrf_token: csrfToken,
    created_at: now,
    expires_at: new Date(now.getTime() + SESSION_TTL_MS),
  });
  deps.logger.info({ event: 'sign_in', userId: principal.id, trustedDevice: deviceNonce !== undefined }, 'signed in');
  return {
    token,
    csrfToken,
    principal,
    actor: actorOfPrincipal(principal, 'session'),
    deviceCookie: await issueDeviceCookie(deps.db, principal.id, now),
  };
}

/**
 * The policy's actor for an account: its organisation chain and how it signed in are part of
 * what the policy decides on (policy/standing.ts). The console acting as an account (`--as`)
 * passes 'session': it holds the database, a stolen bearer token does not.
 */
export function actorOfPrincipal(p: PrincipalRow, credential: Actor['credential']): Actor {
  return {
    userId: p.id,
    organisationId: p.organisation_id,
    role: p.role,
    organisationChain: p.organisation_chain,
    credential,
  };
}

export interface Caller {
  principal: PrincipalRow;
  /** Present for cookie sessions: unsafe requests must echo it (CSRF protection). */
  csrfToken: string | undefined;
  /** The caller as the policy sees it. */
  actor: Actor;
}

export async function callerFromSession(deps: Deps, token: string): Promise<Caller | undefined> {
  const row = await findSessionPrincipal(deps.db, hashSecret(token), deps.clock.now());
  if (!row) return undefined;
  const { csrf_token, ...principal } = row;
  return { principal, csrfToken: csrf_token, actor: actorOfPrincipal(principal, 'session') };
}

/** The caller of a bearer token that is neither revoked nor expired; records its use (coarsely). */
export async function callerFromBearer(deps: Deps, token: string): Promise<Caller | undefined> {
  const now = deps.clock.now();
  const row = await findTokenPrincipal(deps.db, hashSecret(token), now);
  if (!row) return undefined;
  const { token_id, token_last_used_at, ...principal } = row;
  if (!token_last_used_at || now.getTime() - new Date(token_last_used_at).getTime() >= TOKEN_USE_RESOLUTION_MS) {
    await markTokenUsed(deps.db, token_id, now, new Date(now.getTime() - TOKEN_USE_RESOLUTION_MS));
  }
  return { principal, csrfToken: undefined, actor: actorOfPrincipal(principal, 'token') };
}

export async function signOut(deps: Deps, token: string): Promise<void> {
  await deleteSessionByTokenHash(deps.db, hashSecret(token));
}
