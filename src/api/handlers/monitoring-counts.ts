/** @module Handler of the period counts: one service call; the service's answer is the contract's shape. */
import type { Handlers } from './types.ts';
import { actorOf } from './types.ts';
import { dailyCounts } from '../../services/monitoring/daily-counts.ts';

export const monitoringCountHandlers: Pick<Handlers, 'getDailyCounts'> = {
  async getDailyCounts(ctx) {
    return dailyCounts(ctx.deps, actorOf(ctx), ctx.query);
  },
};
