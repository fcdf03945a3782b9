/**
 * @module `GET /api/exports/incidents.csv` (ACLED columns + HXL) and `.geojson`: the incidents a
 * caller may read, with the list's filters, redacted as the caller's screen is.
 */
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../register.ts';
import type { Deps } from '../../services/deps.ts';
import { IncidentFilter } from '../../contract/monitoring.ts';
import { incidents } from '../../services/monitoring/incidents.ts';
import { isTeam, presentIncident } from '../../presenters/monitoring/index.ts';
import { incidentsCsv, incidentsGeoJson, type ExportContext } from '../../presenters/monitoring/export.ts';
import { listSectors } from '../../repositories/sectors.ts';
import { listOrganisations } from '../../repositories/organisations.ts';
import { invalid } from '../../services/errors.ts';
import { actorFromRequest } from '../http/authenticate.ts';
import type { Incident } from '../../contract/monitoring.ts';

/** An export is a file, not a page: generous, but bounded. */
const MAX_EXPORT_ROWS = 50_000;

async function load(deps: Deps, c: Context): Promise<{ items: Incident[]; ctx: ExportContext }> {
  const actor = await actorFromRequest(deps, c);
  const q = IncidentFilter.safeParse(c.req.query());
  if (!q.success) throw invalid(q.error.issues.map((i) => ({ path: `query.${i.path.join('.')}`, message: i.message })));
  const rows = await incidents(deps, actor, q.data, MAX_EXPORT_ROWS);
  const [sectors, orgs] = await Promise.all([listSectors(deps.db), listOrganisations(deps.db)]);
  return {
    items: rows.map((r) => presentIncident(r, actor)),
    ctx: { sectorNames: new Map(sectors.map((s) => [s.id, s.name])), orgNames: new Map(orgs.map((o) => [o.id, o.name])), exact: isTeam(actor) },
  };
}

export function mountIncidentExports(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/api/exports/incidents.csv', async (c) => {
    const { items, ctx } = await load(deps, c);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="incidents.csv"');
    c.header('cache-control', 'no-store');
    return c.body(incidentsCsv(items, ctx));
  });
  app.get('/api/exports/incidents.geojson', async (c) => {
    const { items, ctx } = await load(deps, c);
    c.header('content-disposition', 'attachment; filename="incidents.geojson"');
    c.header('cache-control', 'no-store');
    return c.body(JSON.stringify(incidentsGeoJson(items, ctx)), 200, { 'content-type': 'application/geo+json' });
  });
}
