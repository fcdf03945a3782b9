/**
 * @module What of sectors and control lines is public in the log. Geometries enter as their
 * SHA-256 (leaves stay small), the rest as is. Used by the services, the demo and `truce audit`.
 */
import { geometryDigest } from '../../domain/geo.ts';
import type { SectorRow } from '../../repositories/sectors.ts';
import type { ControlLineRow } from '../../repositories/control-lines.ts';
import type { JsonValue } from '../change-payload.ts';

type Fields = Record<string, JsonValue>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export const geoPublicFields = {
  sector: (s: Pick<SectorRow, 'name' | 'geometry'>): Fields => ({
    name: s.name,
    geometrySha256: geometryDigest(s.geometry),
  }),
  controlLine: (l: Omit<ControlLineRow, 'row_version' | 'created_at' | 'id'>): Fields => ({
    lineId: l.line_id,
    name: l.name,
    lineVersion: l.version,
    geometrySha256: geometryDigest(l.geometry),
    heldAreaSha256: l.held_area === null ? null : geometryDigest(l.held_area),
    heldByOrganisationId: l.held_by_org_id,
    validFrom: iso(l.valid_from),
    validTo: iso(l.valid_to),
    source: l.source,
  }),
};

/** Restricted: who drew a line is an account's id, never public (commitment only). */
export const geoRestrictedFields = {
  controlLine: (l: Pick<ControlLineRow, 'author_user_id'>): Fields => ({ authorUserId: l.author_user_id }),
};
