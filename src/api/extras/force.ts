/** @module The force endpoints outside the route table: the gap table as CSV (with HXL tags). */
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../register.ts';
import type { Deps } from '../../services/deps.ts';
import { GapQuery } from '../../contract/force.ts';
import { callerFromBearer, callerFromSession } from '../../services/sessions.ts';
import { invalid, unauthorized } from '../../services/errors.ts';
import { readCookie, SESSION_COOKIE } from '../http/cookies.ts';
import { forceGap } from '../../services/force/gap.ts';
import { gapCsv } from '../../presenters/force/gap.ts';
import type { Actor } from '../../domain/policy.ts';

/** A GET needs no CSRF token; the caller is the bearer token's or the session cookie's account. */
async function actorOfRequest(deps: Deps, c: Context): Promise<Actor> {
  const auth = c.req.header('authorization');
  const bearer = auth ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
  const session = readCookie(c.req.header('cookie'), SESSION_COOKIE);
  const caller = bearer ? await callerFromBearer(deps, bearer) : session ? await callerFromSession(deps, session) : undefined;
  if (!caller) throw unauthorized();
  const p = caller.principal;
  return { userId: p.id, organisationId: p.organisation_id, role: p.role };
}

export function mountForceExtras(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/force/gap.csv', async (c) => {
    const actor = await actorOfRequest(deps, c);
    const q = GapQuery.safeParse(c.req.query());
    if (!q.success) throw invalid([{ path: 'query.on', message: 'must be a date (YYYY-MM-DD)' }]);
    const report = await forceGap(deps, actor, q.data.on);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="force-gap-${report.on}.csv"`);
    c.header('cache-control', 'no-store');
    return c.body(gapCsv(report));
  });
}
