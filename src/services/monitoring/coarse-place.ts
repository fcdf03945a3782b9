/**
 * @module Where a point is for an audience that sees coarsened locations: the coarse point, and
 * the sector and side of the control line of that coarse point (domain/monitoring/precision.ts),
 * computed once when a report is filed and stored beside the exact values, so every filter,
 * count and page shown to such an audience reads the same stored answer.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Area } from '../../domain/geo.ts';
import { coarsePoint, coarseSector, coarseSide, PUBLIC_PRECISION_DEGREES } from '../../domain/monitoring/precision.ts';
import { sectorsNear, type SectorRow } from '../../repositories/sectors.ts';

export interface CoarsePlace {
  lon: number;
  lat: number;
  sector: SectorRow;
  side: 'held' | 'released' | null;
}

/** Sectors to fetch around an exact point so they include every candidate for its coarse cell. */
export const COARSE_CANDIDATE_MARGIN = PUBLIC_PRECISION_DEGREES * 1.1;

/** The coarse place among sectors already fetched around the exact point (sectorsNear with the margin above). */
export function coarsePlaceAmong(
  nearby: readonly SectorRow[],
  exact: readonly [number, number],
  heldArea: Area | null,
): CoarsePlace {
  const [lon, lat] = coarsePoint(exact[0], exact[1]);
  const picked = coarseSector(
    nearby.map((s) => ({ id: s.id, name: s.name, geometry: s.geometry as Area })),
    [lon, lat],
  );
  const sector = nearby.find((s) => s.id === picked?.id);
  // The exact point lies in a sector within half a cell of the coarse point, so there is always
  // a candidate; answering with the exact sector instead would undo the rule, so fail loudly.
  if (!sector) throw new Error(`no sector near the coarse point ${lon},${lat}`);
  return { lon, lat, sector, side: coarseSide(heldArea, [lon, lat]) };
}

export async function coarsePlace(
  db: Kysely<DB>,
  exact: readonly [number, number],
  heldArea: Area | null,
): Promise<CoarsePlace> {
  return coarsePlaceAmong(await sectorsNear(db, exact[0], exact[1], COARSE_CANDIDATE_MARGIN), exact, heldArea);
}
