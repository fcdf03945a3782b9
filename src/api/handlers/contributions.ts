/** @module Contributions. */
import { presentContribution } from '../../presenters/contributions.ts';
import { contributions, createContribution } from '../../services/contributions.ts';
import { actorOf, type Handlers } from './types.ts';

export const contributionHandlers: Pick<Handlers, 'listContributions' | 'createContribution'> = {
  async listContributions(ctx) {
    return { items: (await contributions(ctx.deps, actorOf(ctx))).map((c) => presentContribution(c.row, c.detail)) };
  },
  async createContribution(ctx) {
    const w = await createContribution(ctx.deps, actorOf(ctx), ctx.body);
    // The creator is the contribution's own organisation or the mission: it reads the figures.
    return { ...presentContribution(w.value, true), logIndex: w.logIndex };
  },
};
