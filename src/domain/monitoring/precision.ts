/**
 * @module How precisely a location may be shown outside the monitoring team. An exact point
 * can identify a witness's home; 0.01 degree (about 1 km) is enough to place an incident in
 * its neighbourhood, so the public log, parties and liaisons get that, never the exact point.
 */

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
