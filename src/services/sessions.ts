/**
 * @module Sign-in, sessions and bearer tokens: who is calling. Every sign-in attempt is
 * recorded (sign_in_events), and the same table rate-limits guessing, so the limit holds
 * across all app servers sharing the database.
 */
import type { Deps } from './deps.ts';
import { DUMMY_HASH, verifyPassword } from '../adapters/passwords.ts';
import { hashSecret, newSecret } from '../adapters/secrets.ts';
import { findPrincipalByEmail, findSessionPrincipal, findTokenPrincipal, recentFailures, type PrincipalRow } from '../repositories/users.ts';
import { tooManyRequests, unauthorized } from './errors.ts';
import { randomBytes } from 'node:crypto';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

export interface SignedIn {
  token: string;
  csrfToken: string;
  principal: PrincipalRow;
}

/** Checks credentials; throws 429 when too many recent failures, 401 on any mismatch. */
export async function signIn(deps: Deps, email: string, password: string, ip: string): Promise<SignedIn> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    recentFailures(deps.db, 'email', email, since),
    recentFailures(deps.db, 'ip', ip, since),
  ]);
  if (byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP) {
    throw tooManyRequests('too many failed sign-ins; wait 15 minutes and try again');
  }
  const principal = await findPrincipalByEmail(deps.db, email);
  // Verify even for unknown accounts so response time does not reveal which emails exist.
  const ok = (await verifyPassword(password, principal?.password_hash ?? DUMMY_HASH)) && !!principal && !principal.disabled;
  await deps.db
    .insertInto('sign_in_events')
    .values({ email, user_id: principal?.id ?? null, ok, ip, at: now })
    .execute();
  if (!ok || !principal) {
    deps.logger.info({ event: 'sign_in_failed', ip }, 'sign-in failed');
    throw unauthorized('wrong email or password');
  }
  const token = newSecret('ts');
  const csrfToken = randomBytes(24).toString('base64url');
  await deps.db
    .insertInto('sessions')
    .values({
      token_hash: hashSecret(token),
      user_id: principal.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: new Date(now.getTime() + SESSION_TTL_MS),
    })
    .execute();
  deps.logger.info({ event: 'sign_in', userId: principal.id }, 'signed in');
  return { token, csrfToken, principal };
}

export interface Caller {
  principal: PrincipalRow;
  /** Present for cookie sessions: unsafe requests must echo it (CSRF protection). */
  csrfToken: string | undefined;
}

export async function callerFromSession(deps: Deps, token: string): Promise<Caller | undefined> {
  const row = await findSessionPrincipal(deps.db, hashSecret(token), deps.clock.now());
  if (!row) return undefined;
  const { csrf_token, ...principal } = row;
  return { principal, csrfToken: csrf_token };
}

export async function callerFromBearer(deps: Deps, token: string): Promise<Caller | undefined> {
  const principal = await findTokenPrincipal(deps.db, hashSecret(token));
  return principal ? { principal, csrfToken: undefined } : undefined;
}

export async function signOut(deps: Deps, token: string): Promise<void> {
  await deps.db.deleteFrom('sessions').where('token_hash', '=', hashSecret(token)).execute();
}
