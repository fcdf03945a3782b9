/**
 * @module Record kinds of sectors and control lines. Geometries enter the log as their SHA-256
 * (leaves stay small), the rest as is. Used by the services, the demo and `truce audit`.
 */
import { geometryDigest } from '../../domain/geo.ts';
import { allRows } from '../../repositories/audit.ts';
import type { SectorRow } from '../../repositories/sectors.ts';
import type { ControlLineRow } from '../../repositories/control-lines.ts';
import { defineRecordKind } from './kind.ts';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export const sectorKind = defineRecordKind({
  kind: 'sector',
  public: (s: Pick<SectorRow, 'id' | 'name' | 'geometry'>) => ({
    name: s.name,
    geometrySha256: geometryDigest(s.geometry),
  }),
  audit: { rows: (db) => allRows(db, 'sectors') },
});

export const controlLineKind = defineRecordKind({
  kind: 'control_line',
  public: (l: Omit<ControlLineRow, 'created_at'>) => ({
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
  // Who drew a line is an account's id, never public (commitment only).
  restricted: (l) => ({ authorUserId: l.author_user_id }),
  // `version` is the line's own numbering; the record's version is `row_version`.
  audit: { rows: (db) => allRows(db, 'control_line_versions'), version: (l) => l.row_version },
});

export const geoKinds = [sectorKind, controlLineKind] as const;
