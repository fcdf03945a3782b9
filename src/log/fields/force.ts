/**
 * @module What of each force and handover record the log publishes, from its database row.
 *
 * The log is public and append-only, and any of these records may be made mission-only at any
 * time; so what a leaf publishes must be fit for the strictest level a record may ever have.
 * Public: the releasability levels only (and a transition's contribution id, whose existence
 * the contribution's own leaf already shows). Everything else (sectors, days, strengths,
 * caveats, notes, who offers what) enters the log as salted commitments, so lowering a level
 * later never needs to unpublish anything, and raising one never finds it already published.
 * Field names and values are those the API shows, so an account may check an opening.
 */
import type { Selectable } from 'kysely';
import type {
  ContributionTransitionTable,
  DeploymentTable,
  HandoverMilestoneTable,
  SectorRequirementTable,
} from '../../db/schema/force.ts';
import type { ContributionTable } from '../../db/schema.ts';
import type { JsonValue } from '../change-payload.ts';

type Fields = Record<string, JsonValue>;

export const FORCE_KINDS = {
  transition: 'contribution_transition',
  requirement: 'sector_requirement',
  milestone: 'handover_milestone',
  deployment: 'deployment',
} as const;

export const forcePublicFields = {
  contribution: (c: Selectable<ContributionTable>): Fields => ({
    releasability: c.releasability,
    detailReleasability: c.detail_releasability,
  }),
  transition: (t: Selectable<ContributionTransitionTable>): Fields => ({ contributionId: t.contribution_id }),
  requirement: (r: Selectable<SectorRequirementTable>): Fields => ({ releasability: r.releasability }),
  milestone: (m: Selectable<HandoverMilestoneTable>): Fields => ({ releasability: m.releasability }),
  deployment: (d: Selectable<DeploymentTable>): Fields => ({
    releasability: d.releasability,
    detailReleasability: d.detail_releasability,
  }),
};

/** Committed, never published: the operational content of each record. */
export const forceRestrictedFields = {
  contribution: (c: Selectable<ContributionTable>): Fields => ({
    organisationId: c.organisation_id,
    kind: c.kind,
    capability: c.capability,
    quantity: c.quantity === null ? null : Number(c.quantity),
    unit: c.unit,
    currency: c.currency,
    status: c.status,
    caveats: c.caveats,
    expectedArrival: c.expected_arrival,
    note: c.note,
  }),
  transition: (t: Selectable<ContributionTransitionTable>): Fields => ({
    fromStatus: t.from_status,
    toStatus: t.to_status,
    effectiveOn: t.effective_on,
    reason: t.reason,
  }),
  requirement: (r: Selectable<SectorRequirementTable>): Fields => ({
    task: r.task,
    capability: r.capability,
    sectorId: r.sector_id,
    phase: r.phase,
    quantity: r.quantity,
    neededBy: r.needed_by,
    note: r.note,
  }),
  milestone: (m: Selectable<HandoverMilestoneTable>): Fields => ({
    sectorId: m.sector_id,
    kind: m.kind,
    at: m.at,
    area: m.area,
    condition: m.condition,
    partyId: m.party_id,
  }),
  deployment: (d: Selectable<DeploymentTable>): Fields => ({
    contributionId: d.contribution_id,
    sectorId: d.sector_id,
    from: d.from_date,
    to: d.to_date,
    strength: d.strength,
    note: d.note,
  }),
};

type Kind = keyof typeof forcePublicFields;

/** Both parts of a change of one of these records, as `record()` takes them. */
export function forceLogFields<K extends Kind>(
  kind: K,
  row: Parameters<(typeof forcePublicFields)[K]>[0],
): { public: Fields; restricted: Fields } {
  const pub = forcePublicFields[kind] as (r: typeof row) => Fields;
  const res = forceRestrictedFields[kind] as (r: typeof row) => Fields;
  return { public: pub(row), restricted: res(row) };
}
