/**
 * @module Who is calling, for every endpoint (route table and extras alike): a bearer token, or
 * the session cookie, which on unsafe methods must come with the session's CSRF header.
 */
import type { Context } from 'hono';
import type { Actor } from '../../domain/policy.ts';
import type { Deps } from '../../services/deps.ts';
import { ServiceError, unauthorized } from '../../services/errors.ts';
import { callerFromBearer, callerFromSession, type Caller } from '../../services/sessions.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';

export async function authenticate(
  deps: Deps,
  c: Context,
  sessionToken = readCookie(c.req.header('cookie'), SESSION_COOKIE),
): Promise<Caller> {
  const auth = c.req.header('authorization');
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    const caller = match?.[1] ? await callerFromBearer(deps, match[1]) : undefined;
    if (!caller) throw unauthorized('the bearer token is invalid or revoked');
    return caller;
  }
  const caller = sessionToken ? await callerFromSession(deps, sessionToken) : undefined;
  if (!caller) throw unauthorized();
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.header('x-csrf-token') !== caller.csrfToken) {
    throw new ServiceError(403, 'Forbidden', 'missing or wrong x-csrf-token header for this session');
  }
  return caller;
}

/** The acting account of a request, as the policy sees it. */
export async function actorFromRequest(deps: Deps, c: Context): Promise<Actor> {
  return (await authenticate(deps, c)).actor;
}
