/**
 * @module The map's server-side aggregation: incidents inside the viewport grouped on a grid
 * whose cell size depends on the zoom, in core SQL over the indexed lon/lat columns. The
 * browser receives at most a few hundred cells, whatever the number of incidents.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { IncidentFilter } from '../../contract/monitoring.ts';
import type { IncidentStatus } from '../../domain/monitoring/workflow.ts';
import { applyFilter } from './incidents.ts';

export interface ClusterRow {
  lon: number;
  lat: number;
  count: number;
  incidentId: string | null;
  status: IncidentStatus | null;
  violations: number;
}

/**
 * Incidents of a viewport grouped on a grid of `cell` degrees. With `coarse` points, the box,
 * the cells, the averages and the sector filter all read the stored coarse point and its sector,
 * never the exact ones.
 */
export async function clusterIncidents(
  db: Kysely<DB>,
  points: 'exact' | 'coarse',
  bbox: readonly [number, number, number, number],
  cell: number,
  filter: IncidentFilter,
): Promise<ClusterRow[]> {
  const [west, south, east, north] = bbox;
  const lon = points === 'coarse' ? sql.ref('incidents.coarse_lon') : sql.ref('incidents.lon');
  const lat = points === 'coarse' ? sql.ref('incidents.coarse_lat') : sql.ref('incidents.lat');
  const gx = sql<number>`floor(${lon} / ${cell})`;
  const gy = sql<number>`floor(${lat} / ${cell})`;
  const q = db
    .selectFrom('incidents')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`avg(${lon})`.as('lon'),
      sql<number>`avg(${lat})`.as('lat'),
      sql<string>`min(incidents.id::text)`.as('any_id'),
      sql<string>`min(incidents.status)`.as('any_status'),
      sql<number>`sum(case when incidents.outcome = 'violation' and incidents.status in ('ruled', 'published', 'appealed') then 1 else 0 end)`.as(
        'violations',
      ),
    ])
    .where(sql<boolean>`${lon} >= ${west}`)
    .where(sql<boolean>`${lon} <= ${east}`)
    .where(sql<boolean>`${lat} >= ${south}`)
    .where(sql<boolean>`${lat} <= ${north}`);
  const rows = await applyFilter(q, filter, points).groupBy([gx, gy]).limit(5000).execute();
  // A one-incident cell names its incident: for coarse points that says nothing the incident
  // list (which shows the same coarse point) does not.
  return rows.map((r) => {
    const count = Number(r.n);
    return {
      lon: Number(r.lon),
      lat: Number(r.lat),
      count,
      incidentId: count === 1 ? r.any_id : null,
      status: count === 1 ? (r.any_status as IncidentStatus) : null,
      violations: Number(r.violations),
    };
  });
}

/** Allegations, incidents and ruled violations, each counted on its own. */
export async function monitoringCounts(db: Kysely<DB>) {
  const reports = await db
    .selectFrom('reports')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const byStatus = await db
    .selectFrom('incidents')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('merged_into', 'is', null)
    .groupBy('status')
    .execute();
  const violations = await db
    .selectFrom('incidents')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('merged_into', 'is', null)
    .where('outcome', '=', 'violation')
    .where('status', 'in', ['ruled', 'published', 'appealed'])
    .groupBy('status')
    .execute();
  const ruled = violations.reduce((s, v) => s + Number(v.n), 0);
  return {
    reports: Number(reports.n),
    incidents: byStatus.reduce((s, v) => s + Number(v.n), 0),
    byStatus: Object.fromEntries(byStatus.map((s) => [s.status, Number(s.n)])),
    ruledViolations: ruled,
    publishedViolations: Number(violations.find((v) => v.status === 'published')?.n ?? 0),
  };
}
