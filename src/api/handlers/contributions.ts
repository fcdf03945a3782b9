/** @module Contributions. */
import { presentContribution } from '../../presenters/contributions.ts';
import { contributions, createContribution } from '../../services/contributions.ts';
import { actorOf, type Handlers } from './types.ts';

export const contributionHandlers: Pick<Handlers, 'listContributions' | 'createContribution'> = {
  async listContributions(ctx) {
    return { items: (await contributions(ctx.deps, actorOf(ctx))).map(presentContribution) };
  },
  async createContribution(ctx) {
    const w = await createContribution(ctx.deps, actorOf(ctx), ctx.body);
    return { ...presentContribution(w.value), logIndex: w.logIndex };
  },
};
