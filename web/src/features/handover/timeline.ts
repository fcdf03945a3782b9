/** @module Layout of the handover timeline as plain numbers (days, lanes), so the drawing stays dumb. */
import type { Deployment } from '../force/queries.ts';

const DAY = 86_400_000;
export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

export interface Bar {
  deployment: Deployment;
  first: number;
  last: number;
  lane: number;
}

/** Deployments of one sector clipped to the period, each on the first lane where it fits. */
export function laneBars(deployments: readonly Deployment[], from: number, to: number): Bar[] {
  const bars = deployments
    .map((d) => ({
      deployment: d,
      first: Math.max(from, dayNumber(d.from)),
      last: Math.min(to, d.to === null ? to : dayNumber(d.to)),
      lane: 0,
    }))
    .filter((b) => b.first <= b.last)
    .sort((a, b) => a.first - b.first);
  const laneEnds: number[] = [];
  for (const b of bars) {
    let lane = laneEnds.findIndex((end) => end < b.first);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = b.last;
    b.lane = lane;
  }
  return bars;
}
