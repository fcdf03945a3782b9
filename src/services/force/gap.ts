/** @module The gap analysis for a day and over a run of days: loads rows, calls the pure functions. */
import { authorize, type Actor } from '../../domain/policy.ts';
import { gapOn, gapSeries, type GapReport, type SeriesPoint } from '../../domain/force/gap.ts';
import { dayOfInstant, isoOf } from '../../domain/force/days.ts';
import type { Deps } from '../deps.ts';
import { loadPlanData, type PlanFilter } from './plan-data.ts';
import { releaseScope } from './release-scope.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The gap is computed over the records its reader may read in full (figures included), so no
 * figure, count or series point depends on a record withheld from them.
 */
async function readable(db: Kysely<DB>, actor: Actor | null): Promise<PlanFilter> {
  const scope = await releaseScope(db, actor);
  if (scope.seesAll) return {};
  return {
    contribution: (c) => scope.contribution(c) && scope.contributionDetail(c),
    requirement: (r) => scope.requirement(r),
    deployment: (d) => scope.deployment(d) && scope.deploymentDetail(d),
  };
}

export interface NamedGapReport extends Omit<GapReport, 'bySector'> {
  bySector: (GapReport['bySector'][number] & { sectorName: string })[];
}

export async function forceGap(deps: Deps, actor: Actor | null, on: string | undefined): Promise<NamedGapReport> {
  authorize(actor, 'force.read');
  const day = on ?? isoOf(dayOfInstant(deps.clock.now()));
  const data = await loadPlanData(deps.db, { milestones: false, deployments: true }, await readable(deps.db, actor));
  const names = new Map(data.sectors.map((s) => [s.id, s.name]));
  const report = gapOn(
    day,
    data.contributions,
    data.requirements,
    data.deployments,
    data.sectors.map((s) => s.id),
  );
  return { ...report, bySector: report.bySector.map((s) => ({ ...s, sectorName: names.get(s.sectorId) ?? '' })) };
}

export async function forceGapSeries(
  deps: Deps,
  actor: Actor | null,
  from: string,
  to: string,
): Promise<SeriesPoint[]> {
  authorize(actor, 'force.read');
  const data = await loadPlanData(deps.db, { milestones: false, deployments: false }, await readable(deps.db, actor));
  return gapSeries(from, to, data.contributions, data.requirements);
}
