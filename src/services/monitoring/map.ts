/** @module The map and the headline counts, read through the policy. */
import type { z } from 'zod';
import type { ClusterQuery } from '../../contract/monitoring.ts';
import { authorize, seesExactLocations, type Actor } from '../../domain/policy.ts';
import { coarse, PUBLIC_PRECISION_DEGREES } from '../../domain/monitoring/precision.ts';
import { cellSizeDegrees, GRID_LEVELS, POINT_ZOOM } from '../../domain/monitoring/clustering.ts';
import { clusterIncidents, monitoringCounts, type ClusterRow } from '../../repositories/monitoring/clusters.ts';
import { clustersFromGrid } from '../../repositories/monitoring/grid.ts';
import type { Deps } from '../deps.ts';

/** The finest pre-aggregated level whose cells are no smaller than the public precision. */
const COARSE_FINEST_LEVEL = Math.max(...GRID_LEVELS.filter((l) => cellSizeDegrees(l) >= PUBLIC_PRECISION_DEGREES));

export async function incidentClusters(
  deps: Deps,
  actor: Actor | null,
  q: z.infer<typeof ClusterQuery>,
): Promise<{ zoom: number; cellDegrees: number; items: ClusterRow[] }> {
  authorize(actor, 'incident.read');
  // Outside the monitoring team every step works on coarse points: the box is tested against
  // the coarse point, cells group coarse points, averages average coarse points and a sector
  // filter uses the coarse point's sector. So no answer depends on where inside its 0.01-degree
  // cell an incident lies, however the box, the zoom and the filters are varied.
  const points = seesExactLocations(actor) ? 'exact' : 'coarse';
  const { bbox, zoom: _zoom, ...filter } = q;
  // The pre-aggregated grid answers the common views (status and type filters) in time
  // independent of the number of incidents; time, sector, party and outcome filters, and
  // street-level zooms, read the incidents themselves through the (coarse) lon/lat index.
  const gridOnly =
    !filter.from && !filter.to && !filter.sectorId && !filter.responsiblePartyId && !filter.outcome?.length;
  const finest = points === 'coarse' ? COARSE_FINEST_LEVEL : (GRID_LEVELS[GRID_LEVELS.length - 1] ?? 14);
  const level = Math.max(GRID_LEVELS[0], Math.min(finest, Math.floor(q.zoom)));
  // A party's cells are never finer than its precision, and the average of several coarse
  // points is rounded again, so a cluster shows a coarse point like everything else.
  const shown = (items: ClusterRow[]) =>
    points === 'coarse' ? items.map((c) => ({ ...c, lon: coarse(c.lon), lat: coarse(c.lat) })) : items;
  if (gridOnly && q.zoom < POINT_ZOOM) {
    return {
      zoom: q.zoom,
      cellDegrees: cellSizeDegrees(level),
      items: shown(await clustersFromGrid(deps.db, points, bbox, level, filter)),
    };
  }
  // Past POINT_ZOOM the cells are smaller than any two distinct incidents: each is its own.
  const fine = q.zoom >= POINT_ZOOM ? 1e-7 : cellSizeDegrees(q.zoom);
  const cell = points === 'coarse' ? Math.max(fine, PUBLIC_PRECISION_DEGREES) : fine;
  return { zoom: q.zoom, cellDegrees: cell, items: shown(await clusterIncidents(deps.db, points, bbox, cell, filter)) };
}

export async function counts(deps: Deps, actor: Actor | null) {
  authorize(actor, 'incident.read');
  return monitoringCounts(deps.db);
}
