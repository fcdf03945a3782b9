/**
 * @module How precisely a location may be shown outside the monitoring team. An exact point
 * can identify a witness's home; 0.01 degree (about 1 km) is enough to place an incident in
 * its neighbourhood, so the public log, parties and liaisons get that, never the exact point.
 *
 * The rule for such an audience: every answer is a function of the coarse cell only. So the
 * point shown, the cell a map cluster counts it in, the box a filter tests, and also the sector
 * and side of the control line shown or filtered on, are all those of the coarse point (the
 * cell's centre), never of the exact one; a cell straddling a sector boundary or the line gives
 * nothing away about which side the exact point lies on.
 */
import type { Polygon } from 'geojson';
import { areaKm2, containsPoint, overlapKm2, sideOfLine, type Area, type LonLat } from '../geo.ts';

/** The grid public locations are rounded to, in degrees (about 1.1 km of latitude). */
export const PUBLIC_PRECISION_DEGREES = 0.01;

/** Rounded to 0.01 degree; the same value wherever it is computed (service, audit, presenter). */
export function coarse(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A [lon, lat] pair rounded to the public precision. */
export function coarsePoint(lon: number, lat: number): [number, number] {
  return [coarse(lon), coarse(lat)];
}

/** The coarse cell a coarse point stands for: every exact point that rounds to it. */
export function coarseCell([lon, lat]: LonLat): Polygon {
  const h = PUBLIC_PRECISION_DEGREES / 2;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon - h, lat - h],
        [lon + h, lat - h],
        [lon + h, lat + h],
        [lon - h, lat + h],
        [lon - h, lat - h],
      ],
    ],
  };
}

export interface SectorShape {
  id: string;
  name: string;
  geometry: Area;
}

/**
 * The sector a coarsened audience is told (and filters and counts by): the sector containing the
 * coarse point; when the coarse point lies in none (a cell on the coast or the border), the
 * sector covering most of the cell. Candidates are sectors that may touch the cell; ties go by
 * name then id, so the answer depends on the cell alone. Null only when no candidate is given.
 */
export function coarseSector<S extends SectorShape>(candidates: readonly S[], point: LonLat): S | null {
  const ordered = [...candidates].sort((a, b) =>
    a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1,
  );
  const containing = ordered.find((s) => containsPoint(s.geometry, point));
  if (containing) return containing;
  const cell = coarseCell(point);
  const cellKm2 = areaKm2(cell);
  let best: S | null = null;
  let bestKm2 = -1;
  for (const s of ordered) {
    const km2 = Math.min(cellKm2, overlapKm2(cell, s.geometry));
    if (km2 > bestKm2) {
      best = s;
      bestKm2 = km2;
    }
  }
  return best;
}

/** The side of the control line a coarsened audience is told: that of the coarse point. */
export function coarseSide(heldArea: Area | null, point: LonLat): 'held' | 'released' | null {
  return sideOfLine(heldArea, point);
}
