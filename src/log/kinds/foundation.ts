/** @module Record kinds of the foundation (mission, organisations, users, contributions). */
import { publicFields } from '../../services/public-fields.ts';
import type { ApiRecords, AuditedKind } from './kind.ts';
import { shown } from './force.ts';

export const foundationKinds: AuditedKind[] = [
  {
    kind: 'mission',
    load: async (db) => (await db.selectFrom('missions').selectAll().execute()).map((m) => ({ kind: 'mission', id: m.id, version: 1, fields: publicFields.mission(m) })),
  },
  {
    kind: 'organisation',
    load: async (db) => (await db.selectFrom('organisations').selectAll().execute()).map((o) => ({ kind: 'organisation', id: o.id, version: o.version, fields: publicFields.organisation(o) })),
  },
  {
    kind: 'user',
    load: async (db) => (await db.selectFrom('users').selectAll().execute()).map((u) => ({ kind: 'user', id: u.id, version: u.version, fields: publicFields.user(u) })),
  },
  {
    kind: 'contribution',
    load: async (db) => (await db.selectFrom('contributions').selectAll().execute()).map((c) => ({ kind: 'contribution', id: c.id, version: c.version, fields: publicFields.contribution(c) })),
  },
];

export const foundationApiRecords: ApiRecords[] = [
  async (client) => (await client.call('listOrganisations', {})).items.map((o) => ({ kind: 'organisation', id: o.id, version: o.version, fields: o })),
  async (client) => (await client.call('listContributions', {})).items.map((c) => ({ kind: 'contribution', id: c.id, version: c.version, fields: shown(c) })),
  async (client) => {
    try {
      return (await client.call('listUsers', {})).items.map((u) => ({ kind: 'user', id: u.id, version: u.version, fields: u }));
    } catch {
      return []; // Accounts this role may not list are simply not checked.
    }
  },
];
