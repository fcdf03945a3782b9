/**
 * @module Record kinds of force generation and the handover plan.
 *
 * The log is public and append-only, and any of these records may be made mission-only at any
 * time; so what a leaf publishes must be fit for the strictest level a record may ever have.
 * Public: the releasability levels only (and a transition's contribution id, whose existence
 * the contribution's own leaf already shows). Everything else (sectors, days, strengths,
 * caveats, notes, who offers what) enters the log as salted commitments, so lowering a level
 * later never needs to unpublish anything, and raising one never finds it already published.
 * Field names and values are those the API shows, so an account may check an opening.
 * (Contributions themselves are a foundation kind, published the same way: ./foundation.ts.)
 */
import type { Selectable } from 'kysely';
import type {
  ContributionTransitionTable,
  DeploymentTable,
  HandoverMilestoneTable,
  SectorRequirementTable,
} from '../../db/schema/force.ts';
import { allRows } from '../../repositories/audit.ts';
import { defineRecordKind } from './kind.ts';

export const contributionTransitionKind = defineRecordKind({
  kind: 'contribution_transition',
  public: (t: Selectable<ContributionTransitionTable>) => ({ contributionId: t.contribution_id }),
  restricted: (t) => ({
    fromStatus: t.from_status,
    toStatus: t.to_status,
    effectiveOn: t.effective_on,
    reason: t.reason,
  }),
  audit: { rows: (db) => allRows(db, 'contribution_transitions') },
});

export const sectorRequirementKind = defineRecordKind({
  kind: 'sector_requirement',
  public: (r: Selectable<SectorRequirementTable>) => ({ releasability: r.releasability }),
  restricted: (r) => ({
    task: r.task,
    capability: r.capability,
    sectorId: r.sector_id,
    phase: r.phase,
    quantity: r.quantity,
    neededBy: r.needed_by,
    note: r.note,
  }),
  audit: { rows: (db) => allRows(db, 'sector_requirements') },
});

export const handoverMilestoneKind = defineRecordKind({
  kind: 'handover_milestone',
  public: (m: Selectable<HandoverMilestoneTable>) => ({ releasability: m.releasability }),
  restricted: (m) => ({
    sectorId: m.sector_id,
    kind: m.kind,
    at: m.at,
    area: m.area,
    condition: m.condition,
    partyId: m.party_id,
  }),
  audit: { rows: (db) => allRows(db, 'handover_milestones') },
});

export const deploymentKind = defineRecordKind({
  kind: 'deployment',
  public: (d: Selectable<DeploymentTable>) => ({
    releasability: d.releasability,
    detailReleasability: d.detail_releasability,
  }),
  restricted: (d) => ({
    contributionId: d.contribution_id,
    sectorId: d.sector_id,
    from: d.from_date,
    to: d.to_date,
    strength: d.strength,
    note: d.note,
  }),
  audit: { rows: (db) => allRows(db, 'deployments') },
});

export const forceKinds = [
  contributionTransitionKind,
  sectorRequirementKind,
  handoverMilestoneKind,
  deploymentKind,
] as const;
