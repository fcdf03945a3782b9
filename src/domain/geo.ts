/**
 * @module Pure geometry for sectors and control lines (WGS 84 lon/lat, RFC 7946). No database:
 * the SQL only pre-filters by bounding box, the exact test happens here, so both engines agree
 * without PostGIS.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfArea from '@turf/area';
import { difference } from '@turf/difference';
import { feature, featureCollection } from '@turf/helpers';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../tlog/canonical-json.ts';

export type Area = Polygon | MultiPolygon;
export type LonLat = readonly [number, number];

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** True when the point lies inside the area (on the boundary counts as inside). */
export function containsPoint(area: Area, [lon, lat]: LonLat): boolean {
  return booleanPointInPolygon([lon, lat], area);
}

/** Geodesic area in km². */
export function areaKm2(area: Area): number {
  return turfArea(area) / 1e6;
}

/** Area (km²) of the part of `a` that `b` covers: a minus what of a lies outside b. */
export function overlapKm2(a: Area, b: Area): number {
  const outside = difference(featureCollection([feature(a), feature(b)]));
  return areaKm2(a) - (outside === null ? 0 : areaKm2(outside.geometry));
}

export function bboxOf(area: Area): BBox {
  const rings: Position[][] = area.type === 'Polygon' ? area.coordinates : area.coordinates.flat();
  let minLon = Infinity,
    minLat = Infinity,
    maxLon = -Infinity,
    maxLat = -Infinity;
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      if (lon === undefined || lat === undefined) continue;
      minLon = Math.min(minLon, lon);
      minLat = Math.min(minLat, lat);
      maxLon = Math.max(maxLon, lon);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return { minLon, minLat, maxLon, maxLat };
}

/**
 * Which side of a control line a point is on: `held` when inside the area the withdrawing party
 * still holds, `released` otherwise, null when there is no line at that time.
 */
export function sideOfLine(heldArea: Area | null, point: LonLat): 'held' | 'released' | null {
  if (heldArea === null) return null;
  return containsPoint(heldArea, point) ? 'held' : 'released';
}

/**
 * SHA-256 of a geometry's RFC 8785 canonical JSON. The log carries this instead of the geometry
 * itself (a governorate's outline is tens of kilobytes; leaves stay small), and anyone holding the
 * geometry can recompute it.
 */
export function geometryDigest(geometry: unknown): string {
  // The canonicaliser used to turn a missing geometry into the text `null`; kept so digests stay stable.
  const text = geometry === undefined ? 'null' : canonicalJson(geometry as JsonValue);
  return createHash('sha256').update(text).digest('hex');
}
