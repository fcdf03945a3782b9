/** @module The gap analysis for a day and over a run of days: loads rows, calls the pure functions. */
import { authorize, type Actor } from '../../domain/policy.ts';
import { gapOn, gapSeries, type GapReport, type SeriesPoint } from '../../domain/force/gap.ts';
import { dayOfInstant, isoOf } from '../../domain/force/days.ts';
import type { Deps } from '../deps.ts';
import { loadPlanData } from './plan-data.ts';

export interface NamedGapReport extends Omit<GapReport, 'bySector'> {
  bySector: (GapReport['bySector'][number] & { sectorName: string })[];
}

export async function forceGap(deps: Deps, actor: Actor | null, on: string | undefined): Promise<NamedGapReport> {
  authorize(actor, 'force.read');
  const day = on ?? isoOf(dayOfInstant(deps.clock.now()));
  const data = await loadPlanData(deps.db, { milestones: false, deployments: true });
  const names = new Map(data.sectors.map((s) => [s.id, s.name]));
  const report = gapOn(day, data.contributions, data.requirements, data.deployments, data.sectors.map((s) => s.id));
  return { ...report, bySector: report.bySector.map((s) => ({ ...s, sectorName: names.get(s.sectorId) ?? '' })) };
}

export async function forceGapSeries(deps: Deps, actor: Actor | null, from: string, to: string): Promise<SeriesPoint[]> {
  authorize(actor, 'force.read');
  const data = await loadPlanData(deps.db, { milestones: false, deployments: false });
  return gapSeries(from, to, data.contributions, data.requirements);
}
