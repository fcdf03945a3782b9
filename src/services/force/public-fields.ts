/**
 * @module What of each force and handover record is public in the log, from its database row.
 * Field names and values are those the API shows, so `truce verify` can compare the two.
 */
import type { Selectable } from 'kysely';
import type { ContributionTransitionTable, DeploymentTable, HandoverMilestoneTable, SectorRequirementTable } from '../../db/schema/force.ts';
import type { JsonValue } from '../records.ts';

type Fields = Record<string, JsonValue>;

export const FORCE_KINDS = {
  transition: 'contribution_transition',
  requirement: 'sector_requirement',
  milestone: 'handover_milestone',
  deployment: 'deployment',
} as const;

export const forcePublicFields = {
  transition: (t: Selectable<ContributionTransitionTable>): Fields => ({
    contributionId: t.contribution_id, fromStatus: t.from_status, toStatus: t.to_status, effectiveOn: t.effective_on, reason: t.reason,
  }),
  requirement: (r: Selectable<SectorRequirementTable>): Fields => ({
    task: r.task, capability: r.capability, sectorId: r.sector_id, phase: r.phase, quantity: r.quantity, neededBy: r.needed_by, note: r.note,
  }),
  milestone: (m: Selectable<HandoverMilestoneTable>): Fields => ({
    sectorId: m.sector_id, kind: m.kind, at: m.at, area: m.area, condition: m.condition,
  }),
  deployment: (d: Selectable<DeploymentTable>): Fields => ({
    contributionId: d.contribution_id, sectorId: d.sector_id, from: d.from_date, to: d.to_date, strength: d.strength, note: d.note,
  }),
};
