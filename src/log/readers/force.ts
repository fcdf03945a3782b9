/** @module How `truce verify` reads requirements, milestones and deployments through the API. */
import type { ApiRecords } from '../kinds/kind.ts';
import { shown } from './shown.ts';

export const forceApiRecords: ApiRecords[] = [
  async (client) =>
    (await client.call('listRequirements', {})).items.map((r) => ({
      kind: 'sector_requirement',
      id: r.id,
      version: r.version,
      fields: r,
    })),
  async (client) =>
    (await client.call('listMilestones', {})).items.map((m) => ({
      kind: 'handover_milestone',
      id: m.id,
      version: m.version,
      fields: m,
    })),
  async (client) =>
    (await client.call('listDeployments', {})).items.map((d) => ({
      kind: 'deployment',
      id: d.id,
      version: d.version,
      fields: shown(d),
    })),
];
