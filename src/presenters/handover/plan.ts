/**
 * @module Milestones, deployments, findings and line differences to API shapes. A deployment's
 * figures leave only with `detail` (decided by the release scope of the caller).
 */
import type { Deployment, Finding, LineDiff, Milestone } from '../../contract/force.ts';
import type { LineDiff as DomainLineDiff } from '../../domain/handover/line-diff.ts';
import type { ControlLineRow } from '../../repositories/control-lines.ts';
import type { DeploymentRow } from '../../repositories/handover/deployments.ts';
import type { MilestoneRow } from '../../repositories/handover/milestones.ts';
import type { NamedFinding } from '../../services/handover/check.ts';

export function presentMilestone(m: MilestoneRow): Milestone {
  return {
    id: m.id,
    sectorId: m.sector_id,
    kind: m.kind,
    at: m.at,
    area: m.area,
    condition: m.condition,
    partyId: m.party_id,
    version: m.version,
    releasability: m.releasability,
  };
}

/** Figures a caller below the deployment's detail level does not get: a strength, and the last day (it tells when a sector empties). */
export const DEPLOYMENT_DETAIL_FIELDS = ['to', 'strength', 'note'] as const;

export function presentDeployment(d: DeploymentRow, detail: boolean): Deployment {
  return {
    id: d.id,
    contributionId: d.contribution_id,
    sectorId: d.sector_id,
    from: d.from_date,
    to: detail ? d.to_date : null,
    strength: detail ? d.strength : null,
    note: detail ? d.note : null,
    version: d.version,
    releasability: d.releasability,
    detailReleasability: d.detail_releasability,
    restricted: detail ? [] : [...DEPLOYMENT_DETAIL_FIELDS],
  };
}

export function presentFinding(f: NamedFinding): Finding {
  return f;
}

const versionOf = (v: ControlLineRow) => ({
  id: v.id,
  lineVersion: v.version,
  validFrom: new Date(v.valid_from).toISOString(),
  source: v.source,
  authorUserId: v.author_user_id,
});

export function presentLineDiff(from: ControlLineRow, to: ControlLineRow, d: DomainLineDiff): LineDiff {
  // turf returns plain GeoJSON; its positions are the [lon, lat] pairs the contract declares.
  return {
    from: versionOf(from),
    to: versionOf(to),
    releasedKm2: d.releasedKm2,
    takenKm2: d.takenKm2,
    released: d.released as LineDiff['released'],
    taken: d.taken as LineDiff['taken'],
  };
}
