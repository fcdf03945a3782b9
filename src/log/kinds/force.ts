/** @module Record kinds of force generation and the handover plan, as `truce audit` reads them from the database. */
import { allRows } from '../../repositories/audit.ts';
import { FORCE_KINDS, forcePublicFields, forceRestrictedFields } from '../fields/force.ts';
import type { ApiRecords, AuditedKind } from './kind.ts';

export const forceKinds: AuditedKind[] = [
  {
    kind: FORCE_KINDS.transition,
    load: async (db) =>
      (await allRows(db, 'contribution_transitions')).map((t) => ({
        kind: FORCE_KINDS.transition,
        id: t.id,
        version: t.version,
        fields: forcePublicFields.transition(t),
        restricted: forceRestrictedFields.transition(t),
      })),
  },
  {
    kind: FORCE_KINDS.requirement,
    load: async (db) =>
      (await allRows(db, 'sector_requirements')).map((r) => ({
        kind: FORCE_KINDS.requirement,
        id: r.id,
        version: r.version,
        fields: forcePublicFields.requirement(r),
        restricted: forceRestrictedFields.requirement(r),
      })),
  },
  {
    kind: FORCE_KINDS.milestone,
    load: async (db) =>
      (await allRows(db, 'handover_milestones')).map((m) => ({
        kind: FORCE_KINDS.milestone,
        id: m.id,
        version: m.version,
        fields: forcePublicFields.milestone(m),
        restricted: forceRestrictedFields.milestone(m),
      })),
  },
  {
    kind: FORCE_KINDS.deployment,
    load: async (db) =>
      (await allRows(db, 'deployments')).map((d) => ({
        kind: FORCE_KINDS.deployment,
        id: d.id,
        version: d.version,
        fields: forcePublicFields.deployment(d),
        restricted: forceRestrictedFields.deployment(d),
      })),
  },
];

/** A record as shown, without the fields withheld from this account (null there means "not shown", not "empty"). */
export function shown<T extends { restricted: string[] }>(r: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).filter(([k]) => !r.restricted.includes(k)));
}

export const forceApiRecords: ApiRecords[] = [
  async (client) =>
    (await client.call('listRequirements', {})).items.map((r) => ({
      kind: FORCE_KINDS.requirement,
      id: r.id,
      version: r.version,
      fields: r,
    })),
  async (client) =>
    (await client.call('listMilestones', {})).items.map((m) => ({
      kind: FORCE_KINDS.milestone,
      id: m.id,
      version: m.version,
      fields: m,
    })),
  async (client) =>
    (await client.call('listDeployments', {})).items.map((d) => ({
      kind: FORCE_KINDS.deployment,
      id: d.id,
      version: d.version,
      fields: shown(d),
    })),
];
