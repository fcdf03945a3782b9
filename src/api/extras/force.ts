/** @module The force endpoints outside the route table: the gap table as CSV (with HXL tags). */
import type { Hono } from 'hono';
import type { AppEnv } from '../register.ts';
import type { Deps } from '../../services/deps.ts';
import { GapQuery } from '../../contract/force.ts';
import { invalid } from '../../services/errors.ts';
import { actorFromRequest } from '../http/authenticate.ts';
import { mountEventStream } from './event-stream.ts';
import { forceGap } from '../../services/force/gap.ts';
import { gapCsv } from '../../presenters/force/gap.ts';

export function mountForceExtras(app: Hono<AppEnv>, deps: Deps): void {
  mountEventStream(app, deps, { path: '/api/handover/events', action: 'handover.read', topics: ['handover'] });

  app.get('/api/force/gap.csv', async (c) => {
    const actor = await actorFromRequest(deps, c);
    const q = GapQuery.safeParse(c.req.query());
    if (!q.success) throw invalid([{ path: 'query.on', message: 'must be a date (YYYY-MM-DD)' }]);
    const report = await forceGap(deps, actor, q.data.on);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="force-gap-${report.on}.csv"`);
    c.header('cache-control', 'no-store');
    return c.body(gapCsv(report));
  });
}
