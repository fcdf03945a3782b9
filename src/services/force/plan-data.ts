/**
 * @module Loads what the gap analysis and the handover check read, as the plain arrays the pure
 * functions take: a handful of whole-table reads, no per-row queries.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { GapContribution, GapDeployment, GapRequirement } from '../../domain/force/gap.ts';
import type { CheckContribution, CheckDeployment, CheckMilestone } from '../../domain/handover/check.ts';
import { isoOf, dayOfInstant } from '../../domain/force/days.ts';
import type { ReleaseLevel } from '../../contract/enums.ts';
import { listPlanContributions } from '../../repositories/contributions.ts';
import { listRequirements, type RequirementRow } from '../../repositories/force/requirements.ts';
import { listSectorNames } from '../../repositories/sectors.ts';
import { listAllTransitions } from '../../repositories/force/transitions.ts';
import { listDeployments, type DeploymentRow } from '../../repositories/handover/deployments.ts';
import { listMilestones, type MilestoneRow } from '../../repositories/handover/milestones.ts';

export interface PlanData {
  sectors: { id: string; name: string }[];
  contributions: (GapContribution & CheckContribution)[];
  requirements: GapRequirement[];
  deployments: (GapDeployment & CheckDeployment)[];
  milestones: CheckMilestone[];
  /** The rows behind them, with their releasability (to decide what a finding depends on). */
  rows: PlanRows;
}

export interface PlanRows {
  contributions: {
    id: string;
    organisation_id: string;
    releasability: ReleaseLevel;
    detail_releasability: ReleaseLevel;
  }[];
  requirements: RequirementRow[];
  deployments: DeploymentRow[];
  milestones: MilestoneRow[];
}

/** Which rows to keep (default: all). The gap keeps only what its reader may read in full. */
export interface PlanFilter {
  contribution?: (c: PlanRows['contributions'][number]) => boolean;
  requirement?: (r: RequirementRow) => boolean;
  deployment?: (d: DeploymentRow) => boolean;
  milestone?: (m: MilestoneRow) => boolean;
}

export async function loadPlanData(
  db: Kysely<DB>,
  parts: { milestones: boolean; deployments: boolean },
  keep: PlanFilter = {},
): Promise<PlanData> {
  const [sectors, allContributions, transitions, allRequirements, allDeployments, allMilestones] = await Promise.all([
    listSectorNames(db),
    listPlanContributions(db),
    listAllTransitions(db),
    listRequirements(db),
    parts.deployments ? listDeployments(db) : Promise.resolve([]),
    parts.milestones ? listMilestones(db) : Promise.resolve([]),
  ]);
  const contributions = keep.contribution ? allContributions.filter(keep.contribution) : allContributions;
  const requirements = keep.requirement ? allRequirements.filter(keep.requirement) : allRequirements;
  const deployments = keep.deployment ? allDeployments.filter(keep.deployment) : allDeployments;
  const milestones = keep.milestone ? allMilestones.filter(keep.milestone) : allMilestones;
  const moves = new Map<string, typeof transitions>();
  for (const t of transitions) {
    const list = moves.get(t.contribution_id);
    if (list) list.push(t);
    else moves.set(t.contribution_id, [t]);
  }
  type Step = { status: (typeof transitions)[number]['to_status']; on: string };
  // The status a contribution was recorded with dates from its creation unless a move says otherwise.
  const historyOf = (c: (typeof contributions)[number]): Step[] => {
    const recorded = isoOf(dayOfInstant(new Date(c.created_at)));
    const own = moves.get(c.id) ?? [];
    const steps: Step[] = own.map((t) => ({ status: t.to_status, on: t.effective_on }));
    const first = own[0];
    if (!first) return [{ status: c.status, on: recorded }];
    if (first.from_status !== null)
      steps.unshift({ status: first.from_status, on: recorded < first.effective_on ? recorded : first.effective_on });
    return steps;
  };
  return {
    sectors,
    contributions: contributions.map((c) => ({
      id: c.id,
      kind: c.kind,
      capability: c.capability,
      unit: c.unit,
      currency: c.currency,
      status: c.status,
      quantity: c.quantity === null ? null : Number(c.quantity),
      history: historyOf(c),
    })),
    requirements: requirements.map((r) => ({
      task: r.task,
      capability: r.capability,
      sectorId: r.sector_id,
      quantity: r.quantity,
      neededBy: r.needed_by,
    })),
    deployments: deployments.map((d) => ({
      id: d.id,
      contributionId: d.contribution_id,
      sectorId: d.sector_id,
      from: d.from_date,
      to: d.to_date,
      strength: d.strength,
    })),
    milestones: milestones.map((m) => ({ sectorId: m.sector_id, kind: m.kind, at: m.at })),
    rows: { contributions, requirements, deployments, milestones },
  };
}
