/** @module Who calls a compliance endpoint outside the route table (GET only: a session cookie or a bearer token, no CSRF token needed). */
import type { Context } from 'hono';
import type { AppEnv } from '../../register.ts';
import type { Deps } from '../../../services/deps.ts';
import type { Actor } from '../../../domain/policy.ts';
import { callerFromBearer, callerFromSession } from '../../../services/sessions.ts';
import { unauthorized } from '../../../services/errors.ts';
import { readCookie, SESSION_COOKIE } from '../../http/cookies.ts';

export async function actorFrom(deps: Deps, c: Context<AppEnv>): Promise<Actor> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  const session = readCookie(c.req.header('cookie'), SESSION_COOKIE);
  const caller = bearer ? await callerFromBearer(deps, bearer) : session ? await callerFromSession(deps, session) : undefined;
  if (!caller) throw unauthorized();
  const p = caller.principal;
  return { userId: p.id, organisationId: p.organisation_id, role: p.role };
}
