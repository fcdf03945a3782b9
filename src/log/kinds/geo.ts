/** @module Record kinds of sectors and control lines, as `truce audit` and `truce verify` read them. */
import { geoPublicFields, geoRestrictedFields } from '../../services/geo-fields.ts';
import type { ApiRecords, AuditedKind } from './kind.ts';

export const geoKinds: AuditedKind[] = [
  {
    kind: 'sector',
    load: async (db) => (await db.selectFrom('sectors').selectAll().execute()).map((s) => ({ kind: 'sector', id: s.id, version: s.version, fields: geoPublicFields.sector(s) })),
  },
  {
    kind: 'control_line',
    load: async (db) =>
      (await db.selectFrom('control_line_versions').selectAll().execute()).map((l) => ({ kind: 'control_line', id: l.id, version: l.row_version, fields: geoPublicFields.controlLine(l), restricted: geoRestrictedFields.controlLine(l) })),
  },
];

export const geoApiRecords: ApiRecords[] = [
  async (client) => (await client.call('listSectors', {})).items.map((s) => ({ kind: 'sector', id: s.id, version: s.version, fields: s })),
  async (client) => (await client.call('listControlLines', { query: {} })).items.map((l) => ({ kind: 'control_line', id: l.id, version: l.version, fields: l })),
];
