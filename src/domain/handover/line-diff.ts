/**
 * @module What changed between two versions of a control line, as area: each version carries
 * the area the withdrawing party still holds behind the line, so the difference of the two held
 * areas is ground released (no longer held) or taken (newly held), in km². A moved line is then
 * a number and a shape on the map, attributable to the version that moved it.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { area } from '@turf/area';
import { difference } from '@turf/difference';
import { feature, featureCollection } from '@turf/helpers';

export type Area = Polygon | MultiPolygon;

export interface LineDiff {
  /** Held in `from`, no longer held in `to`. */
  releasedKm2: number;
  /** Not held in `from`, held in `to`. */
  takenKm2: number;
  released: Area | null;
  taken: Area | null;
}

function minus(a: Area, b: Area): Feature<Area> | null {
  return difference(featureCollection([feature(a), feature(b)]));
}

const km2 = (f: Feature<Area> | null): number => (f === null ? 0 : Math.round(area(f) / 1e4) / 100);

export function diffHeldAreas(from: Area, to: Area): LineDiff {
  const released = minus(from, to);
  const taken = minus(to, from);
  return {
    releasedKm2: km2(released),
    takenKm2: km2(taken),
    released: released?.geometry ?? null,
    taken: taken?.geometry ?? null,
  };
}
