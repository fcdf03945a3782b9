/**
 * @module How `truce verify` reads the foundation's records through the API, as the account sees
 * them, to compare them field by field with their latest leaves.
 */
import { ifAllowed, type ApiRecords } from '../kinds/kind.ts';
import { shown } from './shown.ts';

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
