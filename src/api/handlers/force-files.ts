/** @module Handlers of the force routes that are not JSON: the plan's live events and the gap table as CSV. */
import { actorOf, type Handlers } from './types.ts';
import { forceGap } from '../../services/force/gap.ts';
import { gapCsv } from '../../presenters/force/gap.ts';

export const forceFileHandlers: Pick<Handlers, 'handoverEvents' | 'exportGapCsv'> = {
  async handoverEvents() {
    return { topics: ['handover'] };
  },
  async exportGapCsv(ctx) {
    const report = await forceGap(ctx.deps, actorOf(ctx), ctx.query.on);
    return { body: gapCsv(report), filename: `force-gap-${report.on}.csv` };
  },
};
