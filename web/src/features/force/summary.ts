/**
 * @module Force generation in numbers: personnel by readiness stage, against the ceiling.
 * Pure functions, so the chart and any later test read the same figures.
 *
 * Stages follow the UN PCRS. Only what is deployed counts as strength: a pledge at any level is
 * a promise, so it is reported beside deployed strength, never added to it.
 */
import type { ContributionStatus } from '../../../../src/contract/enums.ts';
import type { Contribution } from './queries.ts';

/** Pledged but not deployed, nearest to deployment first. */
export const PIPELINE_STAGES = [
  'rapid',
  'pcrs3',
  'pcrs2',
  'pcrs1',
  'pledged',
] as const satisfies readonly ContributionStatus[];
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
export type ChartStage = 'deployed' | PipelineStage | 'interest';
export const CHART_STAGES: readonly ChartStage[] = ['deployed', ...PIPELINE_STAGES, 'interest'];

export interface ForceSummary {
  ceiling: number;
  deployed: number;
  /** Personnel per stage; rotated and withdrawn contributions are not in the force. */
  byStage: Record<ChartStage, number>;
  /** Sum over the pipeline stages (pledged, PCRS 1-3, rapid): promised, not present. */
  pledged: number;
  interest: number;
  /** Personnel contributions whose size is not known yet, so not drawn. */
  unquantified: number;
}

function isChartStage(s: ContributionStatus): s is ChartStage {
  return (CHART_STAGES as readonly string[]).includes(s);
}

export function summariseForce(contributions: readonly Contribution[], ceiling: number): ForceSummary {
  const byStage: Record<ChartStage, number> = {
    deployed: 0,
    rapid: 0,
    pcrs3: 0,
    pcrs2: 0,
    pcrs1: 0,
    pledged: 0,
    interest: 0,
  };
  let unquantified = 0;
  for (const c of contributions) {
    if (c.unit !== 'personnel' || !isChartStage(c.status)) continue;
    if (c.quantity === null) unquantified += 1;
    else byStage[c.status] += c.quantity;
  }
  const pledged = PIPELINE_STAGES.reduce((sum, s) => sum + byStage[s], 0);
  return { ceiling, deployed: byStage.deployed, byStage, pledged, interest: byStage.interest, unquantified };
}

export interface Axis {
  max: number;
  ticks: number[];
}

/** A scale that ends on a round number past the ceiling and every bar, ticked in 1-2-5 steps. */
export function forceAxis(s: ForceSummary): Axis {
  const top = Math.max(s.ceiling, s.deployed, s.pledged, s.interest, 1);
  const step = tickStep(top);
  // A little headroom so the ceiling line never sits on the frame.
  const max = Math.ceil((top * 1.04) / step) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= max; i += 1) ticks.push(i * step);
  return { max, ticks };
}

/** A 1-2-5 step giving about four to eight ticks. */
export function tickStep(top: number): number {
  const rough = top / 6;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const norm = rough / mag;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
  return nice * mag;
}
