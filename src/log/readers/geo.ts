/** @module How `truce verify` reads sectors and control lines through the API. */
import type { ApiRecords } from '../kinds/kind.ts';

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
