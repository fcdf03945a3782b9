/** @module Gazetteer rows to API shapes: places are public geography, shown whole. */
import type { Place } from '../../contract/monitoring/places.ts';
import type { PlaceRow } from '../../repositories/monitoring/places.ts';

export function presentPlace(p: PlaceRow): Place {
  return {
    id: p.id,
    names: p.names as Record<string, string>,
    alternates: p.alternates as string[],
    location: { type: 'Point', coordinates: [p.lon, p.lat] },
    sectorId: p.sector_id,
    radiusKm: p.radius_km,
    illustrative: p.illustrative,
    version: p.version,
    updatedAt: new Date(p.updated_at).toISOString(),
  };
}
