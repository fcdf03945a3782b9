/** @module Sector and control-line rows to API shapes. */
import type { ControlLine, Sector } from '../contract/geo.ts';
import { geometryDigest } from '../domain/geo.ts';
import type { ControlLineRow } from '../repositories/control-lines.ts';
import type { SectorRow } from '../repositories/sectors.ts';

export function presentSector(s: SectorRow): Sector {
  return {
    id: s.id,
    name: s.name,
    geometry: s.geometry as Sector['geometry'],
    geometrySha256: geometryDigest(s.geometry),
    areaKm2: Math.round(s.area_km2 * 100) / 100,
    version: s.version,
  };
}

export function presentControlLine(l: ControlLineRow): ControlLine {
  return {
    id: l.id,
    lineId: l.line_id,
    name: l.name,
    lineVersion: l.version,
    geometry: l.geometry as ControlLine['geometry'],
    heldArea: (l.held_area ?? null) as ControlLine['heldArea'],
    heldAreaSha256: l.held_area === null ? null : geometryDigest(l.held_area),
    heldAreaKm2: l.held_area_km2 === null ? null : Math.round(l.held_area_km2 * 100) / 100,
    heldByOrganisationId: l.held_by_org_id,
    validFrom: new Date(l.valid_from).toISOString(),
    validTo: l.valid_to === null ? null : new Date(l.valid_to).toISOString(),
    source: l.source,
    authorUserId: l.author_user_id,
    version: l.row_version,
  };
}
