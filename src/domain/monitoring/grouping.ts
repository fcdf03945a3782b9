/**
 * @module Which incident a new report likely describes: same ACLED event type (the family),
 * within a distance and a time window. Pure: the repository fetches candidates inside the
 * bounding box and window, this picks the closest.
 */
export interface GroupingThresholds {
  /** Maximum distance between the report and the incident's location. */
  radiusKm: number;
  /** Maximum time between the report and the incident's first account. */
  windowMinutes: number;
}

/** Defaults: a shelling heard across a neighbourhood, reported within a few hours. */
export const DEFAULT_GROUPING: GroupingThresholds = { radiusKm: 1.5, windowMinutes: 180 };

export interface GroupCandidate {
  id: string;
  lon: number;
  lat: number;
  occurredAt: Date;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (haversine), km. */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The lon/lat box that holds every point within `radiusKm` of `at` (for an indexed prefilter). */
export function searchBox(
  at: readonly [number, number],
  radiusKm: number,
): { minLon: number; maxLon: number; minLat: number; maxLat: number } {
  const dLat = radiusKm / 111.32;
  const dLon = radiusKm / (111.32 * Math.max(0.01, Math.cos((at[1] * Math.PI) / 180)));
  return { minLon: at[0] - dLon, maxLon: at[0] + dLon, minLat: at[1] - dLat, maxLat: at[1] + dLat };
}

/** The closest candidate within the thresholds, or undefined (the report opens a new incident). */
export function pickIncident(
  report: { lon: number; lat: number; occurredAt: Date },
  candidates: readonly GroupCandidate[],
  t: GroupingThresholds = DEFAULT_GROUPING,
): GroupCandidate | undefined {
  let best: { c: GroupCandidate; d: number } | undefined;
  for (const c of candidates) {
    const minutes = Math.abs(c.occurredAt.getTime() - report.occurredAt.getTime()) / 60000;
    if (minutes > t.windowMinutes) continue;
    const d = distanceKm([report.lon, report.lat], [c.lon, c.lat]);
    if (d > t.radiusKm) continue;
    if (!best || d < best.d) best = { c, d };
  }
  return best?.c;
}
