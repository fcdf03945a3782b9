/**
 * @module Authentication for the monitoring endpoints outside the route table, with the same
 * rules as src/api/register.ts: bearer token, or session cookie plus the CSRF header on
 * unsafe methods.
 */
import type { Context } from 'hono';
import { callerFromBearer, callerFromSession } from '../../../services/sessions.ts';
import { ServiceError, unauthorized } from '../../../services/errors.ts';
import type { Deps } from '../../../services/deps.ts';
import type { Actor } from '../../../domain/policy.ts';
import { readCookie, SESSION_COOKIE } from '../../http/cookies.ts';

export async function actorFromRequest(deps: Deps, c: Context): Promise<Actor> {
  const auth = c.req.header('authorization');
  let caller;
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    caller = match?.[1] ? await callerFromBearer(deps, match[1]) : undefined;
    if (!caller) throw unauthorized('the bearer token is invalid or revoked');
  } else {
    const token = readCookie(c.req.header('cookie'), SESSION_COOKIE);
    caller = token ? await callerFromSession(deps, token) : undefined;
    if (!caller) throw unauthorized();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.header('x-csrf-token') !== caller.csrfToken) {
      throw new ServiceError(403, 'Forbidden', 'missing or wrong x-csrf-token header for this session');
    }
  }
  const p = caller.principal;
  return { userId: p.id, organisationId: p.organisation_id, role: p.role };
}
