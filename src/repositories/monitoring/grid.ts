/**
 * @module The map's pre-aggregated grid: applied inside the transaction of every incident
 * change, read by viewport queries, and rebuildable from `incidents` (bulk loads, repairs).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  cellSizeDegrees,
  GRID_LEVELS,
  gridDeltas,
  type GridIncident,
  type GridKind,
} from '../../domain/monitoring/clustering.ts';
import type { ClusterRow } from './clusters.ts';

const GRID_TABLE = { exact: 'incident_grid', coarse: 'incident_coarse_grid' } as const;
const GRID_POINT = { exact: { lon: 'lon', lat: 'lat' }, coarse: { lon: 'coarse_lon', lat: 'coarse_lat' } } as const;

/** Both grids follow every incident change, in the caller's transaction. */
export async function applyGridChange(
  tx: Kysely<DB>,
  before: GridIncident | null,
  after: GridIncident | null,
): Promise<void> {
  for (const kind of ['exact', 'coarse'] as const) {
    const deltas = gridDeltas(before, after, kind);
    if (deltas.length === 0) continue;
    const table = GRID_TABLE[kind];
    await tx
      .insertInto(table)
      .values(deltas)
      .onConflict((oc) =>
        oc.columns(['level', 'gx', 'gy', 'status', 'event_type']).doUpdateSet({
          n: sql`${sql.table(table)}.n + excluded.n`,
          sum_lon: sql`${sql.table(table)}.sum_lon + excluded.sum_lon`,
          sum_lat: sql`${sql.table(table)}.sum_lat + excluded.sum_lat`,
          violations: sql`${sql.table(table)}.violations + excluded.violations`,
        }),
      )
      .execute();
  }
}

/** Recomputes the whole grid from the incidents (after a bulk load, or to repair). */
export async function rebuildGrid(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const kind of ['exact', 'coarse'] as const) {
      const table = sql.table(GRID_TABLE[kind]);
      const lon = sql.ref(GRID_POINT[kind].lon);
      const lat = sql.ref(GRID_POINT[kind].lat);
      await sql`delete from ${table}`.execute(tx);
      for (const level of GRID_LEVELS) {
        const cell = cellSizeDegrees(level);
        await sql`
          insert into ${table} (level, gx, gy, status, event_type, n, sum_lon, sum_lat, violations)
          select ${level}::smallint, floor(${lon} / ${cell}::float8)::int, floor(${lat} / ${cell}::float8)::int, status, event_type, count(*)::int, sum(${lon}), sum(${lat}),
                 sum(case when outcome = 'violation' and status in ('ruled', 'published', 'appealed') then 1 else 0 end)::int
          from incidents where merged_into is null
          group by 2, 3, 4, 5`.execute(tx);
      }
    }
  });
}

/**
 * Clusters of a viewport from the grid: rows read depend on the viewport, not on the number of
 * incidents. The coarse grid only ever saw coarse points, so its cells, box test and averages
 * depend on coarse cells alone.
 */
export async function clustersFromGrid(
  db: Kysely<DB>,
  kind: GridKind,
  bbox: readonly [number, number, number, number],
  level: number,
  filter: { status?: string[] | undefined; eventType?: string[] | undefined },
): Promise<ClusterRow[]> {
  const cell = cellSizeDegrees(level);
  const [west, south, east, north] = bbox;
  let q = db
    .selectFrom(GRID_TABLE[kind])
    .select([
      'gx',
      'gy',
      sql<number>`sum(n)`.as('n'),
      sql<number>`sum(sum_lon)`.as('slon'),
      sql<number>`sum(sum_lat)`.as('slat'),
      sql<number>`sum(violations)`.as('violations'),
    ])
    .where('level', '=', level)
    .where('gx', '>=', Math.floor(west / cell))
    .where('gx', '<=', Math.floor(east / cell))
    .where('gy', '>=', Math.floor(south / cell))
    .where('gy', '<=', Math.floor(north / cell));
  if (filter.status?.length) q = q.where('status', 'in', filter.status);
  if (filter.eventType?.length) q = q.where('event_type', 'in', filter.eventType);
  const rows = await q
    .groupBy(['gx', 'gy'])
    .having(sql`sum(n)`, '>', 0)
    .limit(5000)
    .execute();
  return rows.map((r) => {
    const n = Number(r.n);
    return {
      lon: Number(r.slon) / n,
      lat: Number(r.slat) / n,
      count: n,
      incidentId: null,
      status: null,
      violations: Number(r.violations),
    };
  });
}
