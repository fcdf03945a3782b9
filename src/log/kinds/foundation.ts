/** @module Record kinds of the foundation (mission, organisations, users, contributions). */
import { allRows } from '../../repositories/audit.ts';
import { publicFields, restrictedFields } from '../fields/foundation.ts';
import { ifAllowed, type ApiRecords, type AuditedKind } from './kind.ts';
import { shown } from './force.ts';
import { forceRestrictedFields } from '../fields/force.ts';

export const foundationKinds: AuditedKind[] = [
  {
    kind: 'mission',
    load: async (db) =>
      (await allRows(db, 'missions')).map((m) => ({
        kind: 'mission',
        id: m.id,
        version: 1,
        fields: publicFields.mission(m),
      })),
  },
  {
    kind: 'organisation',
    load: async (db) =>
      (await allRows(db, 'organisations')).map((o) => ({
        kind: 'organisation',
        id: o.id,
        version: o.version,
        fields: publicFields.organisation(o),
      })),
  },
  {
    kind: 'user',
    load: async (db) =>
      (await allRows(db, 'users')).map((u) => ({
        kind: 'user',
        id: u.id,
        version: u.version,
        fields: publicFields.user(u),
        restricted: restrictedFields.user(u),
      })),
  },
  {
    kind: 'contribution',
    load: async (db) =>
      (await allRows(db, 'contributions')).map((c) => ({
        kind: 'contribution',
        id: c.id,
        version: c.version,
        fields: publicFields.contribution(c),
        restricted: forceRestrictedFields.contribution(c),
      })),
  },
];

export const foundationApiRecords: ApiRecords[] = [
  async (client) =>
    (await client.call('listOrganisations', {})).items.map((o) => ({
      kind: 'organisation',
      id: o.id,
      version: o.version,
      fields: o,
    })),
  async (client) =>
    (await client.call('listContributions', {})).items.map((c) => ({
      kind: 'contribution',
      id: c.id,
      version: c.version,
      fields: shown(c),
    })),
  // Accounts this role may not list (403) are not checked; any other error fails verification.
  (client) =>
    ifAllowed(async () =>
      (await client.call('listUsers', {})).items.map((u) => ({
        kind: 'user',
        id: u.id,
        version: u.version,
        fields: u,
      })),
    ),
];
