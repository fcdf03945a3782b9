/** @module Record kinds of sectors and control lines, as `truce audit` and `truce verify` read them. */
import { allRows } from '../../repositories/audit.ts';
import { geoPublicFields, geoRestrictedFields } from '../fields/geo.ts';
import type { ApiRecords, AuditedKind } from './kind.ts';

export const geoKinds: AuditedKind[] = [
  {
    kind: 'sector',
    load: async (db) =>
      (await allRows(db, 'sectors')).map((s) => ({
        kind: 'sector',
        id: s.id,
        version: s.version,
        fields: geoPublicFields.sector(s),
      })),
  },
  {
    kind: 'control_line',
    load: async (db) =>
      (await allRows(db, 'control_line_versions')).map((l) => ({
        kind: 'control_line',
        id: l.id,
        version: l.row_version,
        fields: geoPublicFields.controlLine(l),
        restricted: geoRestrictedFields.controlLine(l),
      })),
  },
];

export const geoApiRecords: ApiRecords[] = [
  async (client) =>
    (await client.call('listSectors', {})).items.map((s) => ({
      kind: 'sector',
      id: s.id,
      version: s.version,
      fields: s,
    })),
  async (client) =>
    (await client.call('listControlLines', { query: {} })).items.map((l) => ({
      kind: 'control_line',
      id: l.id,
      version: l.version,
      fields: l,
    })),
];
