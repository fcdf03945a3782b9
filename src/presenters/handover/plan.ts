/** @module Milestones, deployments, findings and line differences to API shapes. */
import type { Deployment, Finding, LineDiff, Milestone } from '../../contract/force.ts';
import type { LineDiff as DomainLineDiff } from '../../domain/handover/line-diff.ts';
import type { ControlLineRow } from '../../repositories/control-lines.ts';
import type { DeploymentRow } from '../../repositories/handover/deployments.ts';
import type { MilestoneRow } from '../../repositories/handover/milestones.ts';
import type { NamedFinding } from '../../services/handover/check.ts';

export function presentMilestone(m: MilestoneRow): Milestone {
  return { id: m.id, sectorId: m.sector_id, kind: m.kind, at: m.at, area: m.area, condition: m.condition, version: m.version };
}

export function presentDeployment(d: DeploymentRow): Deployment {
  return { id: d.id, contributionId: d.contribution_id, sectorId: d.sector_id, from: d.from_date, to: d.to_date, strength: d.strength, note: d.note, version: d.version };
}

export function presentFinding(f: NamedFinding): Finding {
  return f;
}

const versionOf = (v: ControlLineRow) => ({
  id: v.id, lineVersion: v.version, validFrom: new Date(v.valid_from).toISOString(), source: v.source, authorUserId: v.author_user_id,
});

export function presentLineDiff(from: ControlLineRow, to: ControlLineRow, d: DomainLineDiff): LineDiff {
  // turf returns plain GeoJSON; its positions are the [lon, lat] pairs the contract declares.
  return {
    from: versionOf(from), to: versionOf(to), releasedKm2: d.releasedKm2, takenKm2: d.takenKm2,
    released: d.released as LineDiff['released'], taken: d.taken as LineDiff['taken'],
  };
}
