/** @module The record of changes. */
import { presentChange } from '../../presenters/log-changes.ts';
import { logChanges } from '../../services/log-changes.ts';
import { actorOf, type Handlers } from './types.ts';

export const logHandlers: Pick<Handlers, 'listLogChanges'> = {
  async listLogChanges(ctx) {
    return { items: (await logChanges(ctx.deps, actorOf(ctx), ctx.query)).map(presentChange) };
  },
};
