/** @module The daily situation report as Markdown, for briefings and e-mail. */
import type { Hono } from 'hono';
import type { AppEnv } from '../register.ts';
import type { Deps } from '../../services/deps.ts';
import { SitrepQuery } from '../../contract/sitrep.ts';
import { invalid } from '../../services/errors.ts';
import { situationReport } from '../../services/sitrep.ts';
import { sitrepMarkdown } from '../../presenters/sitrep.ts';
import { actorFromRequest } from '../http/authenticate.ts';

export function mountSitrepExtras(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/sitrep.md', async (c) => {
    const actor = await actorFromRequest(deps, c);
    const q = SitrepQuery.safeParse(c.req.query());
    if (!q.success) throw invalid(q.error.issues.map((i) => ({ path: ['query', ...i.path.map(String)].join('.'), message: i.message })));
    const report = await situationReport(deps, actor, q.data.date);
    c.header('content-type', 'text/markdown; charset=utf-8');
    c.header('content-disposition', `inline; filename="sitrep-${report.date}.md"`);
    c.header('cache-control', 'no-store');
    return c.body(sitrepMarkdown(report));
  });
}
