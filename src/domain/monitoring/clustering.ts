/**
 * @module The grid the map's clusters are computed on: a cell size per zoom level, so the
 * server returns at most a few hundred cells for any viewport whatever the number of incidents.
 */

/** Cell size in degrees: about 64 px on screen at web-mercator zoom `zoom`. */
export function cellSizeDegrees(zoom: number): number {
  const z = Math.max(0, Math.min(22, Math.floor(zoom)));
  return 360 / 2 ** z / 4;
}

/** At this zoom and beyond, incidents are drawn one by one (no aggregation). */
export const POINT_ZOOM = 15;

/** Zoom levels the server keeps pre-aggregated counts for; coarser views use the coarsest. */
export const GRID_LEVELS = [6, 7, 8, 9, 10, 11, 12, 13, 14] as const;

export interface GridIncident {
  lon: number;
  lat: number;
  /** The coarse point (precision.ts): the only point the coarse grid ever sees. */
  coarse_lon: number;
  coarse_lat: number;
  status: string;
  event_type: string;
  outcome: string | null;
  merged_into: string | null;
}

export interface GridDelta {
  level: number;
  gx: number;
  gy: number;
  status: string;
  event_type: string;
  n: number;
  sum_lon: number;
  sum_lat: number;
  violations: number;
}

const isRuledViolation = (i: GridIncident) =>
  i.outcome === 'violation' && (i.status === 'ruled' || i.status === 'published' || i.status === 'appealed');

/** Which grid: the team's, over exact points, or the coarse one shown to parties, over coarse points. */
export type GridKind = 'exact' | 'coarse';

function contribution(i: GridIncident, sign: 1 | -1, kind: GridKind): GridDelta[] {
  if (i.merged_into) return [];
  const [lon, lat] = kind === 'coarse' ? [i.coarse_lon, i.coarse_lat] : [i.lon, i.lat];
  return GRID_LEVELS.map((level) => {
    const cell = cellSizeDegrees(level);
    return {
      level,
      gx: Math.floor(lon / cell),
      gy: Math.floor(lat / cell),
      status: i.status,
      event_type: i.event_type,
      n: sign,
      sum_lon: sign * lon,
      sum_lat: sign * lat,
      violations: sign * (isRuledViolation(i) ? 1 : 0),
    };
  });
}

/**
 * What an incident change does to the grid: its old contribution out, its new one in, netted
 * per cell and sorted by key (so concurrent writers lock cells in one order). Empty when the
 * change does not move the incident on the map (e.g. an assignment).
 */
export function gridDeltas(
  before: GridIncident | null,
  after: GridIncident | null,
  kind: GridKind = 'exact',
): GridDelta[] {
  const all = [...(before ? contribution(before, -1, kind) : []), ...(after ? contribution(after, 1, kind) : [])];
  const byKey = new Map<string, GridDelta>();
  for (const d of all) {
    const key = `${d.level}|${d.gx}|${d.gy}|${d.status}|${d.event_type}`;
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, { ...d });
    else {
      prev.n += d.n;
      prev.sum_lon += d.sum_lon;
      prev.sum_lat += d.sum_lat;
      prev.violations += d.violations;
    }
  }
  return [...byKey.entries()]
    .filter(([, d]) => d.n !== 0 || d.violations !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}
